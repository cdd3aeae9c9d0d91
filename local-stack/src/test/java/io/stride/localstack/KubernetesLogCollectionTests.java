package io.stride.localstack;

import static io.stride.localstack.KubernetesManifestTests.containers;
import static io.stride.localstack.KubernetesManifestTests.list;
import static io.stride.localstack.KubernetesManifestTests.map;
import static io.stride.localstack.KubernetesManifestTests.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.catalog.ServiceCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Central log collection and trace export on Kubernetes (ADR 0021): the OpenTelemetry Collector of
 * k8s/monitoring runs observability/otel-collector/kubernetes.yml, whose pipelines are whole and
 * whose log parsing is compose's; it ships the logs of Stride's namespaces only; every Stride pod
 * reaches it under the NetworkPolicies, and every deployable sends its spans to its Service; it is
 * the one workload that runs as root, with nothing else; Grafana's Loki and Tempo data sources are
 * compose's with other URLs.
 */
class KubernetesLogCollectionTests {

  private static final List<String> OVERLAYS = RenderedOverlay.OVERLAYS;
  private static final Path COLLECTOR =
      Path.of("..").toAbsolutePath().normalize().resolve("observability/otel-collector");
  private static final Path DATASOURCES =
      Path.of("..")
          .toAbsolutePath()
          .normalize()
          .resolve("observability/grafana/provisioning/datasources/datasources.yml");
  private static final String NAME = "stride-otel-collector";
  private static final String ENDPOINT = "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT";
  private static final Pattern DEFAULTED = Pattern.compile("\\$\\{env:\\w+:-(.+)}");

  private final ServiceCatalog catalog = ServiceCatalog.load();

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void everyStridePodReachesTheCollectorsOtlpPort(String overlay) throws Exception {
    Map<String, Map<String, Object>> objects = RenderedOverlay.render(overlay);
    Map<String, Object> collector = object(objects, "DaemonSet", NAME);
    String port = String.valueOf(receiverPort(config(), "otlp", "http"));
    List<Map<String, Object>> stridePods =
        objects.values().stream()
            .filter(o -> "Deployment".equals(o.get("kind")))
            .filter(o -> "stride".equals(map(o, "metadata").get("namespace")))
            .toList();
    assertThat(stridePods).hasSizeGreaterThan(catalog.services().size());
    for (Map<String, Object> pod : stridePods) {
      String name = String.valueOf(map(pod, "metadata").get("name"));
      assertThat(ScrapeTargets.egressPorts(objects, pod, namespaceLabels("monitoring"), collector))
          .as(name + " may send to the collector")
          .contains(port);
      assertThat(
              ScrapeTargets.admittedPorts(
                  objects, collector, namespaceLabels("stride"), ScrapeTargets.podLabels(pod)))
          .as("the collector admits " + name)
          .contains(port);
    }
    assertThat(
            ScrapeTargets.admittedPorts(
                objects,
                collector,
                namespaceLabels("default"),
                ScrapeTargets.podLabels(stridePods.get(0))))
        .as("a pod of another namespace")
        .isEmpty();
  }

  @Test
  void theCollectorsPipelinesNameOnlyComponentsItDefines() throws IOException {
    for (String file : List.of("kubernetes.yml", "compose.yml")) {
      Map<String, Object> config = load(COLLECTOR.resolve(file));
      Map<String, Object> service = map(config, "service");
      assertThat(strings(service, "extensions"))
          .as(file)
          .isSubsetOf(map(config, "extensions").keySet());
      Map<String, Object> pipelines = map(service, "pipelines");
      assertThat(pipelines).as(file).containsOnlyKeys("traces", "logs");
      pipelines.forEach(
          (name, pipeline) -> {
            for (String kind : List.of("receivers", "processors", "exporters")) {
              @SuppressWarnings("unchecked")
              List<String> named = strings((Map<String, Object>) pipeline, kind);
              assertThat(named).as(file + " " + name + " " + kind).isNotEmpty();
              assertThat(named).as(file + " " + kind).isSubsetOf(map(config, kind).keySet());
            }
          });
    }
  }

  @Test
  void theLogsPipelineParsesStridesEcsLinesAsComposeDoes() throws IOException {
    List<Map<String, Object>> kubernetes = ecsOperators(config());
    assertThat(kubernetes)
        .as("kubernetes.yml parses as observability/otel-collector/compose.yml does")
        .isEqualTo(ecsOperators(load(COLLECTOR.resolve("compose.yml"))));
    assertThat(kubernetes)
        .anySatisfy(
            operator ->
                assertThat(operator)
                    .containsEntry("from", "attributes.service.name")
                    .containsEntry("to", "resource[\"service.name\"]"))
        .anySatisfy(
            operator ->
                assertThat(String.valueOf(operator.get("trace_id")))
                    .isEqualTo("{parse_from=attributes.traceId}"));
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void theCollectorShipsTheLogsOfStridesNamespacesAndRunsTheConfigAsItIs(String overlay)
      throws Exception {
    Map<String, Map<String, Object>> objects = RenderedOverlay.render(overlay);
    List<String> expected = new ArrayList<>();
    objects.forEach(
        (key, object) -> {
          if (key.startsWith("Namespace/")) {
            expected.add("/var/log/pods/" + key.substring("Namespace/".length()) + "_*/*/*.log");
          }
        });
    Map<String, Object> filelog = map(map(config(), "receivers"), "filelog/pods");
    assertThat(strings(filelog, "include")).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(strings(filelog, "exclude"))
        .containsExactly("/var/log/pods/monitoring_" + NAME + "-*/*/*.log");

    Map<String, Object> pod =
        map(map(map(object(objects, "DaemonSet", NAME), "spec"), "template"), "spec");
    Map<String, Object> container = list(pod, "containers").get(0);
    assertThat(strings(container, "args")).containsExactly("--config=/conf/kubernetes.yml");
    String configMap =
        list(pod, "volumes").stream()
            .filter(volume -> "config".equals(volume.get("name")))
            .map(volume -> String.valueOf(map(volume, "configMap").get("name")))
            .findFirst()
            .orElseThrow();
    assertThat(map(object(objects, "ConfigMap", configMap), "data"))
        .containsOnlyKeys("kubernetes.yml")
        .containsEntry("kubernetes.yml", Files.readString(COLLECTOR.resolve("kubernetes.yml")));
    assertThat(String.valueOf(container.get("volumeMounts")))
        .contains("mountPath=/conf, name=config, readOnly=true")
        .contains("mountPath=/var/log/pods, name=pod-logs, readOnly=true");
    assertThat(String.valueOf(container.get("livenessProbe"))).contains("port=health");
    assertThat(String.valueOf(container.get("ports")))
        .contains(
            "containerPort=" + port(map(config(), "extensions"), "health_check") + ", name=health");
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void everyDeployableSendsItsSpansToTheServiceOfTheMonitoringKustomization(String overlay)
      throws Exception {
    Map<String, Object> service = object(RenderedOverlay.render("monitoring"), "Service", NAME);
    Map<String, Object> http =
        list(map(service, "spec"), "ports").stream()
            .filter(p -> "otlp-http".equals(p.get("name")))
            .findFirst()
            .orElseThrow();
    String namespace = String.valueOf(map(service, "metadata").get("namespace"));
    Map<String, Map<String, Object>> objects = RenderedOverlay.render(overlay);
    assertThat(objects.get("Service/" + NAME)).isEqualTo(service);
    assertThat(map(object(objects, "ConfigMap", "stride-config"), "data"))
        .containsEntry(
            ENDPOINT,
            "http://" + NAME + "." + namespace + ".svc:" + http.get("port") + "/v1/traces")
        .containsKey("STRIDE_TRACE_SAMPLING");
    assertThat(String.valueOf(ScrapeTargets.containerPorts(object(objects, "DaemonSet", NAME))))
        .contains(
            "containerPort="
                + receiverPort(config(), "otlp", "http")
                + ", name="
                + http.get("targetPort"));
    List<String> deployables = new ArrayList<>(catalog.names());
    deployables.add("gateway");
    for (String name : deployables) {
      Map<String, Object> container =
          list(
                  map(map(map(object(objects, "Deployment", name), "spec"), "template"), "spec"),
                  "containers")
              .get(0);
      assertThat(String.valueOf(container.get("envFrom")))
          .as(name + " reads stride-config")
          .contains("name=stride-config");
      assertThat(String.valueOf(container.get("env"))).as(name).doesNotContain(ENDPOINT);
    }
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void onlyTheCollectorRunsAsRootAndItHoldsNoCapabilityAndReadsOnlyPodMetadata(String overlay)
      throws Exception {
    Map<String, Map<String, Object>> objects = RenderedOverlay.render(overlay);
    objects.forEach(
        (key, object) -> {
          if (!key.startsWith("Deployment/") && !key.startsWith("DaemonSet/")) {
            return;
          }
          Map<String, Object> pod = map(map(map(object, "spec"), "template"), "spec");
          // the exception: the kubelet's log files are root's, mode 0640 (otel-collector.yaml)
          boolean collector = key.equals("DaemonSet/" + NAME);
          assertThat(map(pod, "securityContext"))
              .as(key)
              .containsEntry("runAsNonRoot", !collector)
              .containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
          for (Map<String, Object> container : containers(pod)) {
            assertThat(map(container, "securityContext"))
                .as(key)
                .containsEntry("readOnlyRootFilesystem", true)
                .containsEntry("allowPrivilegeEscalation", false)
                .containsEntry("capabilities", Map.of("drop", List.of("ALL")));
          }
        });
    Map<String, Object> pod =
        map(map(map(object(objects, "DaemonSet", NAME), "spec"), "template"), "spec");
    assertThat(pod).doesNotContainKeys("hostNetwork", "hostPID", "hostIPC");
    assertThat(list(pod, "volumes").stream().filter(v -> v.containsKey("hostPath")))
        .extracting(v -> map(v, "hostPath").get("path"))
        .containsExactlyInAnyOrder("/var/log/pods", "/var/lib/" + NAME);
    List<String> read = List.of("get", "list", "watch");
    assertThat(list(object(objects, "ClusterRole", NAME), "rules"))
        .as("k8sattributes' pod metadata, read only")
        .containsExactly(
            Map.of(
                "apiGroups",
                List.of(""),
                "resources",
                List.of("pods", "namespaces"),
                "verbs",
                read),
            Map.of(
                "apiGroups", List.of("apps"), "resources", List.of("replicasets"), "verbs", read));
    assertThat(list(object(objects, "ClusterRoleBinding", NAME), "subjects"))
        .containsExactly(
            Map.of(
                "kind",
                "ServiceAccount",
                "name",
                pod.get("serviceAccountName"),
                "namespace",
                "monitoring"));
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void grafanasLokiAndTempoOnKubernetesAreComposesWithTheChartsUrls(String overlay)
      throws Exception {
    Map<String, Object> configMap =
        object(RenderedOverlay.render(overlay), "ConfigMap", "stride-grafana-datasources");
    assertThat(map(map(configMap, "metadata"), "labels")).containsEntry("grafana_datasource", "1");
    @SuppressWarnings("unchecked")
    Map<String, String> data = (Map<String, String>) configMap.get("data");
    List<Map<String, Object>> kubernetes =
        list(new Yaml().load(data.get("stride-datasources.yaml")), "datasources");
    List<Map<String, Object>> compose = list(load(DATASOURCES), "datasources");
    assertThat(kubernetes)
        .extracting(d -> d.get("uid"))
        .containsExactly("stride-loki", "stride-tempo");
    Map<String, Object> exporters = map(config(), "exporters");
    for (Map<String, Object> datasource : kubernetes) {
      Map<String, Object> same =
          compose.stream()
              .filter(d -> d.get("uid").equals(datasource.get("uid")))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no " + datasource.get("uid") + " in compose"));
      Map<String, Object> withoutUrl = new LinkedHashMap<>(datasource);
      withoutUrl.put("url", same.get("url"));
      assertThat(withoutUrl).as(String.valueOf(datasource.get("uid"))).isEqualTo(same);
    }
    // Grafana reads where the collector writes
    assertThat(String.valueOf(kubernetes.get(0).get("url")) + "/otlp")
        .isEqualTo(defaulted(map(exporters, "otlphttp/loki").get("endpoint")));
    assertThat(String.valueOf(kubernetes.get(1).get("url")))
        .startsWith(
            "http://"
                + defaulted(map(exporters, "otlp/tempo").get("endpoint")).split(":")[0]
                + ":");
  }

  /** The filelog operators after the runtime's envelope: the parsing of Stride's lines. */
  private static List<Map<String, Object>> ecsOperators(Map<String, Object> config) {
    Map<String, Object> receivers = map(config, "receivers");
    List<Map<String, Object>> operators = new ArrayList<>();
    receivers.forEach(
        (name, receiver) -> {
          if (name.startsWith("filelog")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> filelog = (Map<String, Object>) receiver;
            list(filelog, "operators").stream()
                .filter(operator -> !"container".equals(operator.get("type")))
                .forEach(operators::add);
          }
        });
    assertThat(operators).isNotEmpty();
    return operators;
  }

  /** The port of a component's {@code endpoint}, under the given path of keys. */
  private static int port(Map<String, Object> parent, String... path) {
    Map<String, Object> component = parent;
    for (String key : path) {
      component = map(component, key);
    }
    String endpoint = String.valueOf(component.get("endpoint"));
    return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
  }

  private static int receiverPort(Map<String, Object> config, String receiver, String protocol) {
    return port(map(config, "receivers"), receiver, "protocols", protocol);
  }

  /** The default of a {@code ${env:NAME:-default}} value, the address kubernetes.yml documents. */
  private static String defaulted(Object value) {
    Matcher matcher = DEFAULTED.matcher(String.valueOf(value));
    assertThat(matcher.matches()).as(value + " has a default").isTrue();
    return matcher.group(1);
  }

  private static Map<String, String> namespaceLabels(String namespace) {
    return Map.of("kubernetes.io/metadata.name", namespace);
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Map<String, Object> parent, String key) {
    return (List<String>) parent.get(key);
  }

  private static Map<String, Object> config() throws IOException {
    return load(COLLECTOR.resolve("kubernetes.yml"));
  }

  private static Map<String, Object> load(Path file) throws IOException {
    return new Yaml().load(Files.readString(file));
  }
}
