package io.stride.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the browser test of auth-service's pages ({@code system-tests/browser/pages.test.mjs}:
 * playwright-core driving Debian's Chromium, axe-core) against a running gateway. It needs Node.js
 * 20+ and Chromium; {@code .ci/run} installs both and sets {@code STRIDE_BROWSER_TESTS=required},
 * so in CI a missing one fails the build. Elsewhere the test is reported as skipped, with the
 * command that installs what is missing.
 */
final class BrowserPages {

  static final String REQUIRED = "STRIDE_BROWSER_TESTS";

  private BrowserPages() {}

  /**
   * @param environment what the pages need besides the gateway (a reset link the test received)
   */
  static void walk(Path repositoryRoot, String gateway, Map<String, String> environment)
      throws IOException, InterruptedException {
    Path project = repositoryRoot.resolve("system-tests/browser");
    Path chromium = Path.of(System.getenv().getOrDefault("STRIDE_CHROMIUM", "/usr/bin/chromium"));
    boolean ready = Files.isExecutable(chromium) && nodeVersion() >= 20;
    if (!ready && !"required".equals(System.getenv(REQUIRED))) {
      Assumptions.abort(
          "Browser test skipped: it needs Node.js 20+ and Chromium at "
              + chromium
              + " (apt-get install chromium, or set STRIDE_CHROMIUM)");
    }
    assertThat(ready)
        .as("Node.js 20+ and Chromium at %s (%s=required)", chromium, REQUIRED)
        .isTrue();
    if (!Files.isDirectory(project.resolve("node_modules/playwright-core"))
        || !Files.isDirectory(project.resolve("node_modules/axe-core"))) {
      Run install =
          run(
              project,
              List.of("npm", "ci", "--no-audit", "--no-fund"),
              gateway,
              chromium,
              Map.of());
      assertThat(install.exit()).as("npm ci in %s:\n%s", project, install.output()).isZero();
    }
    Run pages =
        run(project, List.of("node", "--test", "pages.test.mjs"), gateway, chromium, environment);
    Path log = repositoryRoot.resolve("system-tests/target/browser-pages.log");
    Files.createDirectories(log.getParent());
    Files.writeString(log, pages.output());
    assertThat(pages.exit()).as("browser test (log in %s):\n%s", log, pages.output()).isZero();
  }

  private record Run(int exit, String output) {}

  private static Run run(
      Path directory,
      List<String> command,
      String gateway,
      Path chromium,
      Map<String, String> extraEnvironment)
      throws IOException, InterruptedException {
    Path output = Files.createTempFile("stride-browser", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().put("STRIDE_BASE_URL", gateway);
    builder.environment().put("STRIDE_CHROMIUM", chromium.toString());
    builder.environment().putAll(extraEnvironment);
    Process process = builder.start();
    boolean finished = process.waitFor(5, TimeUnit.MINUTES);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    String text = Files.readString(output, StandardCharsets.UTF_8);
    Files.deleteIfExists(output);
    return finished
        ? new Run(process.exitValue(), text)
        : new Run(-1, "timed out after 5 minutes\n" + text);
  }

  /** The major version of {@code node} on the PATH, or 0 when there is none. */
  private static int nodeVersion() {
    try {
      Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      String version = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      node.waitFor(30, TimeUnit.SECONDS);
      return Integer.parseInt(version.strip().replaceFirst("^v(\\d+).*", "$1"));
    } catch (IOException | NumberFormatException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }
}
