package io.stride.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.catalog.ServiceCatalog;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The Prometheus Operator's view of every overlay (ADR 0018, issue #10): the PodMonitors scrape
 * exactly the catalog's deployables, each on its catalog port at {@code /actuator/prometheus}, with
 * {@code job="stride"} and {@code service=<catalog name>} as the alert rules expect; the
 * NetworkPolicies let kube-prometheus-stack's Prometheus pods (namespace {@code monitoring}) in on
 * that port and nowhere else; the PrometheusRule carries exactly the groups of
 * observability/prometheus/rules/stride-alerts.yml; every resource carries the label the operator
 * selects by. Targets are worked out as the operator does ({@link ScrapeTargets}).
 */
class KubernetesMonitoringTests {

  private static final List<String> OVERLAYS = RenderedOverlay.OVERLAYS;
  private static final Path RULES =
      Path.of("..")
          .toAbsolutePath()
          .normalize()
          .resolve("observability/prometheus/rules/stride-alerts.yml");
  private static final Map<String, String> MONITORING_NAMESPACE =
      Map.of("kubernetes.io/metadata.name", "monitoring");
  private static final Map<String, String> PROMETHEUS_POD =
      Map.of(
          "app.kubernetes.io/name", "prometheus",
          "app.kubernetes.io/instance", "kube-prometheus-stack-prometheus");

  private final ServiceCatalog catalog = ServiceCatalog.load();

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void scrapesExactlyTheCatalogsDeployablesOnTheirActuatorPorts(String overlay) throws Exception {
    Map<String, List<ScrapeTargets.Target>> targets =
        ScrapeTargets.of(RenderedOverlay.render(overlay));
    assertThat(targets).as(overlay).containsOnlyKeys(deployablePorts().keySet());
    deployablePorts()
        .forEach(
            (name, port) ->
                assertThat(targets.get(name))
                    .as(name + " scraped once")
                    .singleElement()
                    .satisfies(
                        target -> {
                          assertThat(target.port()).as(name + " port").isEqualTo(port);
                          assertThat(target.path()).isEqualTo("/actuator/prometheus");
                          assertThat(target.labels())
                              .as(name + " labels after relabelling")
                              .containsEntry("job", "stride")
                              .containsEntry("service", name);
                        }));
  }

  @Test
  void aDeployableWhosePortIsRenamedIsNoLongerScraped() throws Exception {
    Map<String, Map<String, Object>> objects = RenderedOverlay.render("overlays/dev");
    ScrapeTargets.containerPorts(objects.get("Deployment/workout-service"))
        .get(0)
        .put("name", "web");
    assertThat(ScrapeTargets.of(objects))
        .doesNotContainKey("workout-service")
        .containsKey("gateway");
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void prometheusReachesEachDeployableOnItsScrapePortAlone(String overlay) throws Exception {
    Map<String, Map<String, Object>> objects = RenderedOverlay.render(overlay);
    Map<String, List<ScrapeTargets.Target>> targets = ScrapeTargets.of(objects);
    for (String name : deployablePorts().keySet()) {
      Map<String, Object> deployment = objects.get("Deployment/" + name);
      assertThat(
              ScrapeTargets.admittedPorts(
                  objects, deployment, MONITORING_NAMESPACE, PROMETHEUS_POD))
          .as(name + ": Prometheus' ports in " + overlay)
          .containsExactly(String.valueOf(targets.get(name).get(0).port()));
      assertThat(
              ScrapeTargets.admittedPorts(
                  objects,
                  deployment,
                  Map.of("kubernetes.io/metadata.name", "default"),
                  PROMETHEUS_POD))
          .as(name + ": a Prometheus of another namespace")
          .isEmpty();
      assertThat(
              ScrapeTargets.admittedPorts(
                  objects,
                  deployment,
                  MONITORING_NAMESPACE,
                  Map.of("app.kubernetes.io/name", "grafana")))
          .as(name + ": another pod of the monitoring namespace")
          .isEmpty();
    }
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void cloudNativePgsExporterIsScrapedSoTheBackupAlertsHaveTheirData(String overlay)
      throws Exception {
    Map<String, Map<String, Object>> objects = RenderedOverlay.render(overlay);
    Map<String, Object> monitor = objects.get("PodMonitor/stride-postgres");
    assertThat(monitor).as("PodMonitor stride-postgres in " + overlay).isNotNull();
    assertThat(map(map(monitor, "spec"), "selector").get("matchLabels"))
        .isEqualTo(Map.of("cnpg.io/cluster", "stride-postgres"));
    assertThat(String.valueOf(map(monitor, "spec").get("podMetricsEndpoints")))
        .contains("port=metrics");
    Map<String, Object> policy = objects.get("NetworkPolicy/postgres");
    assertThat(String.valueOf(map(policy, "spec").get("ingress")))
        .as("Prometheus reaches the exporter")
        .contains(
            "{from=[{namespaceSelector={matchLabels={kubernetes.io/metadata.name=monitoring}},"
                + " podSelector={matchLabels={app.kubernetes.io/name=prometheus}}}],"
                + " ports=[{port=9187, protocol=TCP}]}");
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void grafanaGetsEveryDashboardFileAsItIsForItsSidecar(String overlay) throws Exception {
    Map<String, Object> dashboards =
        RenderedOverlay.render(overlay).entrySet().stream()
            .filter(entry -> entry.getKey().startsWith("ConfigMap/stride-dashboards-"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no stride-dashboards ConfigMap in " + overlay));
    assertThat(map(map(dashboards, "metadata"), "labels")).containsEntry("grafana_dashboard", "1");
    @SuppressWarnings("unchecked")
    Map<String, String> data = (Map<String, String>) dashboards.get("data");
    java.nio.file.Path folder =
        java.nio.file.Path.of("..")
            .toAbsolutePath()
            .normalize()
            .resolve("observability/grafana/dashboards");
    try (var files = java.nio.file.Files.list(folder)) {
      Map<String, String> expected = new java.util.TreeMap<>();
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        expected.put(file.getFileName().toString(), java.nio.file.Files.readString(file));
      }
      assertThat(new java.util.TreeMap<>(data))
          .as("every dashboard file, unchanged (observability/grafana/kustomization.yaml)")
          .isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void thePrometheusRuleHoldsExactlyTheGroupsOfTheRulesFile(String overlay) throws Exception {
    Map<String, Object> rule = RenderedOverlay.render(overlay).get("PrometheusRule/stride-alerts");
    assertThat(rule).as("PrometheusRule stride-alerts in " + overlay).isNotNull();
    assertThat(map(rule, "spec").get("groups"))
        .as("k8s/base/prometheus-rules.yaml is a copy of " + RULES)
        .isEqualTo(rulesFile().get("groups"));
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void everyMonitoringResourceCarriesTheLabelThePrometheusOperatorSelects(String overlay)
      throws Exception {
    Set<String> kinds = new TreeSet<>();
    RenderedOverlay.render(overlay)
        .forEach(
            (key, object) -> {
              if (String.valueOf(object.get("apiVersion")).startsWith("monitoring.coreos.com/")) {
                kinds.add(String.valueOf(object.get("kind")));
                assertThat(map(map(object, "metadata"), "labels"))
                    .as(key)
                    .containsEntry("release", "kube-prometheus-stack");
              }
            });
    assertThat(kinds).containsExactly("AlertmanagerConfig", "PodMonitor", "PrometheusRule");
  }

  private Map<String, Integer> deployablePorts() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("gateway", catalog.gateway().managementPort());
    catalog.services().forEach(service -> ports.put(service.name(), service.port()));
    return ports;
  }

  private static Map<String, Object> rulesFile() throws IOException {
    try (Reader reader = Files.newBufferedReader(RULES)) {
      return new Yaml().load(reader);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.get(key);
  }
}
