package io.stride.localstack;

import static io.stride.localstack.KubernetesManifestTests.envEntry;
import static io.stride.localstack.KubernetesManifestTests.list;
import static io.stride.localstack.KubernetesManifestTests.map;
import static io.stride.localstack.KubernetesManifestTests.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.catalog.Service;
import io.stride.catalog.ServiceCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * What {@code k8s/} holds for Stride's data, against the catalog: a PostgreSQL role per service
 * owning only that service's schema and used by that service alone, Redis reached by the gateway
 * alone, and the passive region (prod-standby) replicating PostgreSQL and every topic while it
 * serves nothing.
 */
class KubernetesDataTests {

  private static final List<String> OVERLAYS = RenderedOverlay.OVERLAYS;
  private final ServiceCatalog catalog = ServiceCatalog.load();

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void everyServiceLogsInAsItsOwnRoleThatOwnsOnlyItsSchema(String overlay) throws Exception {
    Map<String, Map<String, Object>> objects = RenderedOverlay.render(overlay);
    List<Map<String, Object>> roles =
        list(map(map(object(objects, "Cluster", "stride-postgres"), "spec"), "managed"), "roles");
    List<Map<String, Object>> schemas =
        list(map(object(objects, "Database", "stride"), "spec"), "schemas");
    assertThat(roles)
        .extracting(role -> role.get("name"))
        .containsExactlyInAnyOrderElementsOf(
            catalog.services().stream().map(Service::schema).toList());
    assertThat(schemas).hasSameSizeAs(catalog.services());
    for (Service service : catalog.services()) {
      String secret = "stride-db-" + service.name();
      Map<String, Object> role =
          roles.stream().filter(r -> service.schema().equals(r.get("name"))).findFirst().get();
      assertThat(role)
          .containsEntry("login", true)
          .containsEntry("superuser", false)
          .containsEntry("createdb", false)
          .containsEntry("createrole", false)
          .containsEntry("passwordSecret", Map.of("name", secret));
      assertThat(schemas)
          .contains(
              Map.of("name", service.schema(), "owner", service.schema(), "ensure", "present"));
      Map<String, Object> container =
          list(
                  map(
                      map(map(object(objects, "Deployment", service.name()), "spec"), "template"),
                      "spec"),
                  "containers")
              .get(0);
      assertThat(envEntry(container, "STRIDE_DB_USER").get("valueFrom"))
          .isEqualTo(Map.of("secretKeyRef", Map.of("name", secret, "key", "username")));
      assertThat(envEntry(container, "STRIDE_DB_PASSWORD").get("valueFrom"))
          .isEqualTo(Map.of("secretKeyRef", Map.of("name", secret, "key", "password")));
    }
    // no workload reads another service's database secret, nor the operator's owner secret
    objects.forEach(
        (key, object) -> {
          if (key.startsWith("Deployment/")) {
            String name = key.substring("Deployment/".length());
            String pod = String.valueOf(map(map(object, "spec"), "template"));
            assertThat(pod).as(key).doesNotContain("stride-postgres-app");
            for (Service service : catalog.services()) {
              if (!service.name().equals(name)) {
                assertThat(pod)
                    .as(key)
                    .doesNotContainPattern("name=stride-db-" + service.name() + "[,}]");
              }
            }
          }
        });
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void redisIsHardenedAndOnlyTheGatewayReachesIt(String overlay) throws Exception {
    Map<String, Map<String, Object>> objects = RenderedOverlay.render(overlay);
    Map<String, Object> pod =
        map(map(map(object(objects, "Deployment", "redis"), "spec"), "template"), "spec");
    Map<String, Object> redis = list(pod, "containers").get(0);
    assertThat(String.valueOf(redis.get("image"))).matches("redis:\\d+\\.\\d+[^:]*");
    assertThat(map(pod, "securityContext")).containsEntry("runAsNonRoot", true);
    assertThat(map(redis, "securityContext"))
        .containsEntry("readOnlyRootFilesystem", true)
        .containsEntry("allowPrivilegeEscalation", false);
    assertThat(map(map(redis, "resources"), "limits")).containsKey("memory");
    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      assertThat(redis).containsKey(probe);
    }
    assertThat(map(map(object(objects, "Service", "redis"), "spec"), "selector"))
        .containsEntry("app.kubernetes.io/name", "redis");
    Map<String, Object> policy = map(object(objects, "NetworkPolicy", "redis"), "spec");
    assertThat(list(policy, "ingress"))
        .singleElement()
        .satisfies(
            rule ->
                assertThat(rule.get("from"))
                    .isEqualTo(
                        List.of(
                            Map.of(
                                "podSelector",
                                Map.of(
                                    "matchLabels", Map.of("app.kubernetes.io/name", "gateway"))))));
    Map<String, Object> gateway =
        list(
                map(map(map(object(objects, "Deployment", "gateway"), "spec"), "template"), "spec"),
                "containers")
            .get(0);
    assertThat(KubernetesManifestTests.env(gateway))
        .containsEntry("STRIDE_RATE_LIMIT_STORE", "redis");
    assertThat(String.valueOf(envEntry(gateway, "STRIDE_REDIS_URL").get("valueFrom")))
        .contains("secretKeyRef");
  }

  @Test
  void theStandbyRegionReplicatesPostgresAndEveryTopicAndServesNothing() throws Exception {
    Map<String, Map<String, Object>> objects = RenderedOverlay.render("overlays/prod-standby");
    Map<String, Object> cluster = map(object(objects, "Cluster", "stride-postgres"), "spec");
    Map<String, Object> replica = map(cluster, "replica");
    assertThat(replica).containsEntry("enabled", true);
    assertThat(list(cluster, "externalClusters"))
        .extracting(external -> external.get("name"))
        .contains(replica.get("source"));
    assertThat(map(map(cluster, "bootstrap"), "recovery"))
        .containsEntry("source", replica.get("source"));
    assertThat(map(cluster, "bootstrap")).doesNotContainKey("initdb");

    List<String> topics = new ArrayList<>(catalog.topics());
    catalog
        .services()
        .forEach(s -> s.consumes().forEach(t -> topics.add(t + "." + s.name() + ".dlt")));
    Map<String, Object> mirror =
        list(map(object(objects, "KafkaMirrorMaker2", "stride-mirror"), "spec"), "mirrors").get(0);
    Pattern pattern = Pattern.compile(String.valueOf(mirror.get("topicsPattern")));
    for (String topic : topics) {
      assertThat(pattern.matcher(topic).matches()).as("mirrors " + topic).isTrue();
    }
    assertThat(pattern.matcher("stride.other.topic").matches()).isFalse();
    Pattern groups = Pattern.compile(String.valueOf(mirror.get("groupsPattern")));
    for (Service service : catalog.services()) {
      // consumer group = spring.application.name = the service's name
      assertThat(groups.matcher(service.name()).matches()).as(service.name()).isTrue();
    }
    assertThat(map(map(mirror, "checkpointConnector"), "config"))
        .containsEntry("sync.group.offsets.enabled", true);
    assertThat(String.valueOf(mirror.get("sourceConnector"))).contains("IdentityReplicationPolicy");
    assertThat(
            String.valueOf(
                map(object(objects, "ObjectStore", "stride-backups"), "spec").get("configuration")))
        .as("region B archives to its own bucket")
        .doesNotContain("destinationPath=s3://stride-backups/postgres");
    object(
        objects,
        "ObjectStore",
        String.valueOf(
            map(map(list(cluster, "externalClusters").get(0), "plugin"), "parameters")
                .get("barmanObjectName")));
  }
}
