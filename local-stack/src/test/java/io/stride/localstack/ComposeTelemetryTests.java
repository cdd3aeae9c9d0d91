package io.stride.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.catalog.ServiceCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Logs and traces in compose (ADR 0021): every deployable exports its spans to the OpenTelemetry
 * Collector, which reads every container's log file and sends both on to Loki and Tempo at the
 * addresses their own configuration listens on; Grafana reads all three with fixed uids.
 */
class ComposeTelemetryTests {

  private static final Path OBSERVABILITY = ComposeFile.ROOT.resolve("observability");

  private final ServiceCatalog catalog = ServiceCatalog.load();
  private final ComposeFile compose = ComposeFile.load();
  private final Map<String, Map<String, Object>> services = compose.services();

  @Test
  void everyDeployableSendsItsSpansToTheCollectorWithConfigurableSampling() {
    List<String> deployables = new ArrayList<>(catalog.names());
    deployables.add("gateway");
    for (String deployable : deployables) {
      assertThat(compose.environment(deployable))
          .as(deployable)
          .containsEntry(
              "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
              "http://otel-collector:4318/v1/traces")
          .containsEntry("STRIDE_TRACE_SAMPLING", "${STRIDE_TRACE_SAMPLING:-0.1}");
    }
    assertThat(String.valueOf(services.get("otel-collector").get("networks")))
        .as("the services reach it on the backend network")
        .contains("backend");
  }

  @Test
  void theCollectorReadsEveryContainersLogsAndItsCommittedConfigReadOnly() {
    assertThat(String.valueOf(services.get("otel-collector").get("volumes")))
        .contains(
            "./observability/otel-collector/compose.yml:/etc/otelcol/config.yml:ro",
            "/var/lib/docker/containers:/var/lib/docker/containers:ro");
    Map<String, Object> config = yaml(OBSERVABILITY.resolve("otel-collector/compose.yml"));
    Map<String, Object> logs = pipeline(config, "logs");
    Map<String, Object> traces = pipeline(config, "traces");
    assertThat(logs.get("receivers")).isEqualTo(List.of("filelog/containers"));
    assertThat(traces.get("receivers")).isEqualTo(List.of("otlp"));
    // every component a pipeline names is defined
    for (Map<String, Object> pipeline : List.of(logs, traces)) {
      for (String kind : List.of("receivers", "processors", "exporters")) {
        assertThat(map(config, kind)).containsKeys(strings(pipeline, kind).toArray(String[]::new));
      }
    }
    String filelog = String.valueOf(map(map(config, "receivers"), "filelog/containers"));
    assertThat(filelog)
        .as("Stride's ECS lines: service, level, trace and span ids")
        .contains("attributes.service.name", "attributes.log.level", "attributes.traceId");
  }

  @Test
  void theCollectorExportsToLokiAndTempoWhereTheyListenAndGrafanaKnowsAllThree()
      throws IOException {
    Map<String, Object> exporters =
        map(yaml(OBSERVABILITY.resolve("otel-collector/compose.yml")), "exporters");
    Map<String, Object> loki = yaml(OBSERVABILITY.resolve("loki/loki.yml"));
    Map<String, Object> tempo = yaml(OBSERVABILITY.resolve("tempo/tempo.yml"));
    int lokiPort = (Integer) map(loki, "server").get("http_listen_port");
    String tempoGrpc =
        String.valueOf(
            map(map(map(map(map(tempo, "distributor"), "receivers"), "otlp"), "protocols"), "grpc")
                .get("endpoint"));
    assertThat(map(exporters, "otlphttp/loki").get("endpoint"))
        .isEqualTo("http://loki:" + lokiPort + "/otlp");
    assertThat(tempoGrpc).endsWith(":4317");
    assertThat(map(exporters, "otlp/tempo").get("endpoint")).isEqualTo("tempo:4317");
    assertThat(map(loki, "limits_config"))
        .as("trace ids are structured metadata, kept")
        .containsEntry("allow_structured_metadata", true);

    String datasources =
        Files.readString(OBSERVABILITY.resolve("grafana/provisioning/datasources/datasources.yml"));
    assertThat(datasources)
        .contains("uid: stride-prometheus", "uid: stride-loki", "uid: stride-tempo")
        .contains("url: http://loki:" + lokiPort, "url: http://tempo:3200");
    assertThat(String.valueOf(services.get("grafana").get("networks"))).contains("ops");
    for (String backend : List.of("loki", "tempo")) {
      assertThat(String.valueOf(services.get(backend).get("networks")))
          .as(backend + " is not reachable from the services' network")
          .doesNotContain("backend");
    }
  }

  private static Map<String, Object> pipeline(Map<String, Object> config, String name) {
    return map(map(map(config, "service"), "pipelines"), name);
  }

  private static Map<String, Object> yaml(Path file) {
    try {
      return new Yaml().load(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    assertThat(parent).as("has " + key).containsKey(key);
    return (Map<String, Object>) parent.get(key);
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Map<String, Object> parent, String key) {
    return (List<String>) parent.get(key);
  }
}
