package io.stride.platform.test;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when a tool it runs (Node.js, Chromium, docker-compose, kubectl) is not
 * installed: it is reported as skipped, saying what to install, unless the environment variable
 * {@code requiredBy} is {@code required} ({@code .ci/run} sets it where it installs the tool), and
 * then it fails, so CI never passes by skipping.
 */
public final class MissingTool {

  private MissingTool() {}

  public static void skipOrFail(String message, String requiredBy) {
    if ("required".equals(System.getenv(requiredBy))) {
      throw new AssertionError(message + "; " + requiredBy + "=required");
    }
    Assumptions.abort(message);
  }
}
