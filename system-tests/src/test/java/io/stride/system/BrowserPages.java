package io.stride.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.NodeTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the browser test of auth-service's pages ({@code system-tests/browser/pages.test.mjs}:
 * playwright-core driving Debian's Chromium, axe-core) against a running gateway. It needs Node.js
 * 20+ and Chromium ({@link NodeTools}: required in CI, skipped elsewhere when missing).
 */
final class BrowserPages {

  private BrowserPages() {}

  /**
   * @param environment what the pages need besides the gateway (a reset link the test received)
   */
  static void walk(Path repositoryRoot, String gateway, Map<String, String> environment)
      throws IOException, InterruptedException {
    Path project = repositoryRoot.resolve("system-tests/browser");
    Path chromium = Path.of(System.getenv().getOrDefault("STRIDE_CHROMIUM", "/usr/bin/chromium"));
    NodeTools.requireOrSkip(
        "The browser test (apt-get install chromium, or set STRIDE_CHROMIUM)", chromium);
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
}
