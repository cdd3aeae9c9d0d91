package io.stride.platform.web;

import java.util.List;

/**
 * Well-formed input that breaks a rule (e.g. resting heart rate above max): answered 422 with the
 * offending fields named.
 */
public class InvalidRequestException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidRequestException(List<FieldError> errors) {
    super(
        errors.isEmpty()
            ? "invalid request"
            : errors.get(0).field() + ": " + errors.get(0).message());
    this.errors = List.copyOf(errors);
  }

  public static InvalidRequestException of(String field, String message) {
    return new InvalidRequestException(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** One offending field and what is wrong with it. */
  public record FieldError(String field, String message) {}
}
