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
 * Applies {@link InputBounds} to query, path, header and form parameters of every controller:
 * strings without control characters, instants and dates in ISO-8601 (the API convention) within
 * range. A refused value answers 400 naming the parameter ({@link ProblemDetailsAdvice}).
 */
@ControllerAdvice
class InputRulesBinding {

  @InitBinder
  void applyInputRules(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new Checked(text -> text, true));
    binder.registerCustomEditor(Instant.class, new Checked(Instant::parse, false));
    binder.registerCustomEditor(OffsetDateTime.class, new Checked(OffsetDateTime::parse, false));
    binder.registerCustomEditor(LocalDate.class, new Checked(LocalDate::parse, false));
  }

  /** A parameter value {@link InputBounds} refuses; its message says why. */
  static final class RefusedParameterException extends IllegalArgumentException {
    RefusedParameterException(String reason) {
      super(reason);
    }
  }

  /** Parses (or keeps) the text, then checks it; an empty parameter is no value. */
  private static final class Checked extends PropertyEditorSupport {

    private final Function<String, Object> parse;
    private final boolean isText;

    Checked(Function<String, Object> parse, boolean isText) {
      this.parse = parse;
      this.isText = isText;
    }

    @Override
    public void setAsText(String text) {
      if (isText) {
        String problem = InputBounds.textProblem(text);
        if (problem != null) {
          throw new RefusedParameterException(problem);
        }
        setValue(text);
        return;
      }
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
