package io.stride.platform.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
      ExternalCommand.Result node =
          ExternalCommand.run(null, java.time.Duration.ofSeconds(30), "node", "--version");
      return node.succeeded()
          ? Integer.parseInt(node.output().strip().replaceFirst("^v(\\d+).*", "$1"))
          : 0;
    } catch (java.io.UncheckedIOException | NumberFormatException notThere) {
      return 0;
    }
  }
}
