package io.stride.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value that was read but breaks {@link InputBounds}; Jackson adds the path of the field, so
 * the answer names it.
 */
final class InvalidInputException extends MismatchedInputException {

  private final String reason;

  InvalidInputException(JsonParser parser, String reason, Class<?> type) {
    super(parser, reason, type);
    this.reason = reason;
  }

  String reason() {
    return reason;
  }
}
