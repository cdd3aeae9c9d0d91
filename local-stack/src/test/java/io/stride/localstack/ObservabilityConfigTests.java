package io.stride.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.catalog.ServiceCatalog;
import io.stride.platform.test.ExternalCommand;
import io.stride.platform.test.MissingTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Prometheus, its alert rules and Alertmanager (observability/, ADR 0020): scrape targets derived
 * from the catalog, every alert with a severity and its runbook, and Debian's promtool and amtool
 * accepting the files and passing the rules' unit tests. The tools are skipped when missing, unless
 * STRIDE_PROMETHEUS_TESTS=required (.ci/run installs them).
 */
class ObservabilityConfigTests {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path OBSERVABILITY = ROOT.resolve("observability");
  private static final Path RULES = OBSERVABILITY.resolve("prometheus/rules/stride-alerts.yml");
  private static final Path RULE_TESTS =
      OBSERVABILITY.resolve("prometheus/tests/stride-alerts.test.yml");
  private static final String REQUIRED = "STRIDE_PROMETHEUS_TESTS";

  private final ServiceCatalog catalog = ServiceCatalog.load();

  @Test
  void composeScrapesEveryDeployableOfTheCatalogOnItsActuatorPort() throws IOException {
    assertThat(Files.readString(OBSERVABILITY.resolve("prometheus/targets/compose.json")))
        .as("observability/prometheus/targets/compose.json is derived from services.yml")
        .isEqualTo(PrometheusTargets.forCompose(catalog));
  }

  @Test
  void theLocalRunScrapesItsOwnPorts() throws IOException {
    StackConfig config =
        StackConfig.freePorts(ROOT, Files.createTempDirectory("stride-targets").resolve("data"));
    Path written = PrometheusTargets.write(config);
    String targets = Files.readString(written);
    assertThat(written).endsWith(Path.of("prometheus", "targets.json"));
    assertThat(targets)
        .contains("\"127.0.0.1:" + config.gatewayManagementPort() + "\"")
        .contains("{\"service\": \"gateway\"}");
    catalog
        .services()
        .forEach(
            service ->
                assertThat(targets)
                    .contains("\"127.0.0.1:" + config.portOf(service.name()) + "\"")
                    .contains("{\"service\": \"" + service.name() + "\"}"));
  }

  @Test
  void everyAlertHasASeverityATextAndItsRunbookAndARuleTest() throws IOException {
    String tests = Files.readString(RULE_TESTS);
    Set<String> alerts = new TreeSet<>();
    for (Map<String, Object> rule : alertRules()) {
      String alert = (String) rule.get("alert");
      alerts.add(alert);
      @SuppressWarnings("unchecked")
      Map<String, String> labels = (Map<String, String>) rule.get("labels");
      @SuppressWarnings("unchecked")
      Map<String, String> annotations = (Map<String, String>) rule.get("annotations");
      assertThat(labels.get("severity")).as(alert + " severity").isIn("critical", "warning");
      assertThat(annotations.get("summary")).as(alert + " summary").isNotBlank();
      assertThat(annotations.get("description")).as(alert + " description").isNotBlank();
      assertThat(annotations.get("runbook_url"))
          .as(alert + " runbook")
          .isEqualTo("docs/runbooks/" + alert + ".md");
      assertThat(ROOT.resolve("docs/runbooks/" + alert + ".md"))
          .as(alert + " runbook")
          .isRegularFile();
      assertThat(tests).as(alert + " has a unit test").contains("alertname: " + alert);
    }
    try (Stream<Path> pages = Files.list(ROOT.resolve("docs/runbooks"))) {
      assertThat(
              pages
                  .map(page -> page.getFileName().toString())
                  .filter(name -> !name.equals("README.md"))
                  .map(name -> name.replaceFirst("\\.md$", "")))
          .as("a runbook for every alert and no other")
          .containsExactlyInAnyOrderElementsOf(alerts);
    }
    String index = Files.readString(ROOT.resolve("docs/runbooks/README.md"));
    alerts.forEach(alert -> assertThat(index).contains("(" + alert + ".md)"));
  }

  @Test
  void promtoolAcceptsTheConfigurationAndTheRulesAndTheRulesPassTheirUnitTests()
      throws IOException {
    requireTool("promtool");
    String config =
        Files.readString(OBSERVABILITY.resolve("prometheus/prometheus.yml"))
            .replace("/etc/prometheus/rules", OBSERVABILITY.resolve("prometheus/rules").toString())
            .replace(
                "/etc/prometheus/targets", OBSERVABILITY.resolve("prometheus/targets").toString());
    Path copy = Files.createTempFile("stride-prometheus", ".yml");
    Files.writeString(copy, config);
    expectSuccess(
        ExternalCommand.run(
            null, Duration.ofMinutes(1), "promtool", "check", "config", copy.toString()));
    expectSuccess(
        ExternalCommand.run(
            null, Duration.ofMinutes(1), "promtool", "check", "rules", RULES.toString()));
    ExternalCommand.Result tests =
        ExternalCommand.run(
            RULE_TESTS.getParent(),
            Duration.ofMinutes(2),
            "promtool",
            "test",
            "rules",
            RULE_TESTS.getFileName().toString());
    expectSuccess(tests);
    assertThat(tests.output()).contains("SUCCESS");
    Files.delete(copy);
  }

  @Test
  void amtoolAcceptsAlertmanagerAndCriticalAlertsPageWhileWarningsGoToTheChannel()
      throws IOException {
    requireTool("amtool");
    Path config = alertmanagerConfig();
    expectSuccess(
        ExternalCommand.run(
            null, Duration.ofMinutes(1), "amtool", "check-config", config.toString()));
    assertThat(
            routes(
                config, "severity=critical", "alertname=StrideServiceDown", "service=auth-service"))
        .isEqualTo("on-call,ops-channel");
    assertThat(
            routes(
                config,
                "severity=warning",
                "alertname=StrideDeadLetters",
                "service=profile-service"))
        .isEqualTo("ops-channel");
    for (Map<String, Object> rule : alertRules()) {
      @SuppressWarnings("unchecked")
      String severity = ((Map<String, String>) rule.get("labels")).get("severity");
      assertThat(routes(config, "severity=" + severity, "alertname=" + rule.get("alert")))
          .as(rule.get("alert") + " reaches somebody")
          .contains("ops-channel");
    }
    Files.delete(config);
  }

  private static String routes(Path config, String... labels) {
    List<String> command =
        new ArrayList<>(List.of("amtool", "config", "routes", "test", "--config.file=" + config));
    command.addAll(List.of(labels));
    ExternalCommand.Result result =
        ExternalCommand.run(null, Map.of(), Duration.ofMinutes(1), command);
    expectSuccess(result);
    // amtool warns on stderr (merged into the output) that --config.file overrides its default URL
    return result
        .output()
        .lines()
        .filter(line -> !line.startsWith("Warning:"))
        .collect(java.util.stream.Collectors.joining("\n"))
        .strip();
  }

  private static Path alertmanagerConfig() throws IOException {
    Path copy = Files.createTempFile("stride-alertmanager", ".yml");
    Files.writeString(
        copy,
        Files.readString(OBSERVABILITY.resolve("alertmanager/alertmanager.yml"))
            .replace(
                "/etc/alertmanager/templates", OBSERVABILITY.resolve("alertmanager").toString()));
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> alertRules() throws IOException {
    Map<String, Object> file = new Yaml().load(Files.readString(RULES));
    List<Map<String, Object>> alerts = new ArrayList<>();
    for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
      for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
        if (rule.containsKey("alert")) {
          alerts.add(rule);
        }
      }
    }
    assertThat(alerts).isNotEmpty();
    return alerts;
  }

  private static void requireTool(String tool) {
    if (!ExternalCommand.answers(tool, "--version")) {
      MissingTool.skipOrFail(
          tool + " is not installed (Debian: apt-get install prometheus prometheus-alertmanager)",
          REQUIRED);
    }
  }

  private static void expectSuccess(ExternalCommand.Result result) {
    assertThat(result.succeeded()).as(result.describe()).isTrue();
  }
}
