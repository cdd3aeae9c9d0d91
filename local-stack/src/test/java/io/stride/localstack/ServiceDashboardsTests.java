package io.stride.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.catalog.ServiceCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-service dashboards (ADR 0020): generated from one template plus each deployable's own
 * panels, committed as generated, and all of them shipped to Kubernetes' Grafana.
 */
class ServiceDashboardsTests {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path DASHBOARDS = ROOT.resolve(ServiceDashboards.OUTPUT);
  private static final String REGENERATE =
      "regenerate: ./mvnw -q -pl local-stack -am -DskipTests install && java -cp"
          + " \"local-stack/target/classes:$(cat local-stack/target/runtime-classpath.txt)\""
          + " io.stride.localstack.ServiceDashboards .";

  private final ServiceCatalog catalog = ServiceCatalog.load();
  private final Map<String, String> generated = ServiceDashboards.generate(catalog, ROOT);

  @Test
  void theCommittedServiceDashboardsAreWhatTheTemplateAndTheServicesPanelsGenerate()
      throws IOException {
    assertThat(generated).hasSize(catalog.services().size() + 1);
    for (Map.Entry<String, String> dashboard : generated.entrySet()) {
      Path committed = DASHBOARDS.resolve(dashboard.getKey());
      assertThat(committed).as(REGENERATE).exists();
      assertThat(Files.readString(committed)).as(REGENERATE).isEqualTo(dashboard.getValue());
    }
    try (Stream<Path> files = Files.list(DASHBOARDS)) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("service-")))
          .as("no dashboard of a deployable the catalog no longer has")
          .containsExactlyInAnyOrderElementsOf(generated.keySet());
    }
  }

  @Test
  void aSectionAppearsWhereTheCatalogSaysTheServiceHasWhatItShows() {
    assertThat(rows("gateway")).containsExactly("Traffic (rate, errors, duration)", "JVM", "Edge");
    assertThat(rows("auth-service"))
        .contains("Database", "Events written (outbox)", "Accounts and sign-ins")
        .doesNotContain("Events read (consumers)");
    assertThat(rows("workout-service"))
        .contains("Database", "Events written (outbox)", "Events read (consumers)");
    JsonNode workout = dashboard("workout-service");
    assertThat(workout.get("uid").asString()).isEqualTo("stride-service-workout-service");
    for (JsonNode panel : workout.get("panels")) {
      for (JsonNode target : panel.path("targets")) {
        assertThat(target.get("expr").asString())
            .as(panel.get("title").asString())
            .contains("service=\"workout-service\"")
            .doesNotContain("$service");
      }
    }
  }

  @Test
  void everyDeployableHasItsOwnPanelsAndNoPanelsFileIsLeftWithoutAService() throws IOException {
    Set<String> expected = new TreeSet<>(catalog.names());
    expected.add("gateway");
    expected.add("sections");
    try (Stream<Path> files = Files.list(ROOT.resolve(ServiceDashboards.SOURCES))) {
      assertThat(files.map(f -> f.getFileName().toString().replaceFirst("\\.yml$", "")))
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void kubernetesGrafanaGetsEveryDashboardOnceWithAUniqueUid() throws IOException {
    Map<String, Object> kustomization =
        new Yaml().load(Files.readString(ROOT.resolve("observability/grafana/kustomization.yaml")));
    @SuppressWarnings("unchecked")
    List<String> listed =
        (List<String>)
            ((List<Map<String, Object>>) kustomization.get("configMapGenerator"))
                .get(0)
                .get("files");
    List<String> files;
    try (Stream<Path> stream = Files.list(DASHBOARDS)) {
      files = stream.map(f -> "dashboards/" + f.getFileName()).sorted().toList();
    }
    assertThat(listed).containsExactlyInAnyOrderElementsOf(files);
    List<String> uids = new ArrayList<>();
    for (String file : files) {
      uids.add(
          JsonMapper.shared()
              .readTree(ROOT.resolve("observability/grafana").resolve(file).toFile())
              .get("uid")
              .asString());
    }
    assertThat(uids).doesNotHaveDuplicates();
  }

  @Test
  void everyPanelOfEveryDashboardReadsADatasourceGrafanaIsProvisionedWith() throws IOException {
    String provisioned =
        Files.readString(
            ROOT.resolve("observability/grafana/provisioning/datasources/datasources.yml"));
    try (Stream<Path> stream = Files.list(DASHBOARDS)) {
      for (Path file : stream.sorted().toList()) {
        JsonNode dashboard = JsonMapper.shared().readTree(file.toFile());
        for (JsonNode panel : dashboard.get("panels")) {
          List<JsonNode> datasources = new ArrayList<>();
          panel.path("targets").forEach(target -> datasources.add(target.path("datasource")));
          for (JsonNode datasource : datasources) {
            String uid = datasource.path("uid").asString();
            assertThat(provisioned)
                .as(file.getFileName() + " / " + panel.get("title").asString() + " reads " + uid)
                .contains("uid: " + uid + "\n");
          }
        }
      }
    }
  }

  private JsonNode dashboard(String name) {
    return JsonMapper.shared().readTree(generated.get("service-" + name + ".json"));
  }

  private List<String> rows(String name) {
    List<String> rows = new ArrayList<>();
    for (JsonNode panel : dashboard(name).get("panels")) {
      if (panel.get("type").asString().equals("row")) {
        rows.add(panel.get("title").asString());
      }
    }
    return rows;
  }
}
