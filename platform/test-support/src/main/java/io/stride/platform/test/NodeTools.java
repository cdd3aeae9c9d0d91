package io.stride.platform.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * For tests that run a Node.js tool (the browser test, the Dockerfile lint): Node.js 20+ and
 * whatever else they name must be installed. {@code .ci/run} installs them and sets {@value
 * #REQUIRED}{@code =required}, so in CI a missing one fails the test; elsewhere the test is
 * reported as skipped, saying what to install.
 */
public final class NodeTools {

  public static final String REQUIRED = "STRIDE_NODE_TESTS";

  private NodeTools() {}

  /**
   * Returns when Node.js 20+ and every {@code executable} are there; otherwise skips the test, or
   * fails it where they are required.
   */
  public static void requireOrSkip(String test, Path... executables) {
    StringBuilder missing = new StringBuilder();
    if (nodeMajorVersion() < 20) {
      missing.append("Node.js 20+ on the PATH");
    }
    String absent =
        Arrays.stream(executables)
            .filter(path -> !Files.isExecutable(path))
            .map(Path::toString)
            .collect(Collectors.joining(", "));
    if (!absent.isEmpty()) {
      missing.append(missing.isEmpty() ? "" : " and ").append(absent);
    }
    if (missing.isEmpty()) {
      return;
    }
    MissingTool.skipOrFail(
        test + " needs " + missing + " (see README: the two commands)", REQUIRED);
  }

  /** The major version of {@code node} on the PATH, or 0 when there is none. */
  static int nodeMajorVersion() {
    try {
      Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      String version = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!node.waitFor(30, TimeUnit.SECONDS)) {
        node.destroyForcibly();
        return 0;
      }
      return Integer.parseInt(version.strip().replaceFirst("^v(\\d+).*", "$1"));
    } catch (IOException | NumberFormatException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }
}
