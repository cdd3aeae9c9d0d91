package io.stride.platform.web;

import tools.jackson.databind.DatabindException;

/** The field path the problem answer would name, as {@link ProblemDetailsAdvice} words it. */
final class ProblemDetailsAdviceAccess {

  private ProblemDetailsAdviceAccess() {}

  static String path(DatabindException e) {
    return ProblemDetailsAdvice.path(e);
  }
}
