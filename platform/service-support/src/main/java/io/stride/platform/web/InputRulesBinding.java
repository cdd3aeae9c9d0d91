package io.stride.platform.web;

import java.beans.PropertyEditorSupport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Applies {@link InputBounds} to instants and dates in query, path, header and form parameters of
 * every controller: ISO-8601 (the API convention) within range. A refused value answers 400 naming
 * the parameter ({@link ProblemDetailsAdvice}). Text needs no editor here: {@link
 * ControlCharacterParametersFilter} refuses control characters in the path and in every parameter
 * before any controller runs; in headers the firewall refuses C0 controls, and {@code
 * Idempotency-Key}, the one text header the APIs read, is checked where it is used.
 */
@ControllerAdvice
class InputRulesBinding {

  @InitBinder
  void applyInputRules(WebDataBinder binder) {
    binder.registerCustomEditor(Instant.class, new Checked(Instant::parse));
    binder.registerCustomEditor(OffsetDateTime.class, new Checked(OffsetDateTime::parse));
    binder.registerCustomEditor(LocalDate.class, new Checked(LocalDate::parse));
  }

  /** A parameter value {@link InputBounds} refuses; its message says why. */
  static final class RefusedParameterException extends IllegalArgumentException {
    RefusedParameterException(String reason) {
      super(reason);
    }
  }

  /** Parses the text, then checks the point in time; an empty parameter is no value. */
  private static final class Checked extends PropertyEditorSupport {

    private final Function<String, Object> parse;

    Checked(Function<String, Object> parse) {
      this.parse = parse;
    }

    @Override
    public void setAsText(String text) {
      if (text == null || text.isBlank()) {
        setValue(null);
        return;
      }
      Object value;
      try {
        value = parse.apply(text.trim());
      } catch (DateTimeParseException e) {
        throw new RefusedParameterException(
            "is not an ISO-8601 "
                + (e.getParsedString().contains("T") ? "instant" : "date")
                + " (e.g. 2026-05-01T07:30:00Z or 2026-05-01)");
      }
      String problem = InputBounds.timeProblem(value);
      if (problem != null) {
        throw new RefusedParameterException(problem);
      }
      setValue(value);
    }
  }
}
