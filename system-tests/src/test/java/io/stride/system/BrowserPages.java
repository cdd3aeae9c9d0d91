package io.stride.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.ExternalCommand;
import io.stride.platform.test.NodeTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
      ExternalCommand.Result install =
          ExternalCommand.run(
              project, Duration.ofMinutes(5), "npm", "ci", "--no-audit", "--no-fund");
      assertThat(install.succeeded()).as("npm ci in %s: %s", project, install.describe()).isTrue();
    }
    Map<String, String> browserEnvironment = new HashMap<>(environment);
    browserEnvironment.put("STRIDE_BASE_URL", gateway);
    browserEnvironment.put("STRIDE_CHROMIUM", chromium.toString());
    ExternalCommand.Result pages =
        ExternalCommand.run(
            project,
            browserEnvironment,
            Duration.ofMinutes(5),
            List.of("node", "--test", "pages.test.mjs"));
    Path log = repositoryRoot.resolve("system-tests/target/browser-pages.log");
    Files.createDirectories(log.getParent());
    Files.writeString(log, pages.output());
    assertThat(pages.succeeded())
        .as("browser test (log in %s): %s", log, pages.describe())
        .isTrue();
  }
}
