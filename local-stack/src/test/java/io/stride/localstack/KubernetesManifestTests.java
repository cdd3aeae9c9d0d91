package io.stride.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.catalog.Service;
import io.stride.catalog.ServiceCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * {@code k8s/} rendered by {@code kubectl kustomize} for every overlay and held to the deployment
 * policy (ADR 0018) and the catalog: each deployable has a Deployment with the three probes,
 * requests and a memory limit, a non-root read-only container, zone spreading and a graceful stop,
 * plus a Service, a PodDisruptionBudget and a HorizontalPodAutoscaler that select it; the gateway
 * reaches every service at its catalog port; secrets only from Secrets; default-deny networking; a
 * KafkaTopic for every catalog and dead-letter topic, compacted where it is followed; PostgreSQL
 * over three zones with backups; TLS, then the WAF, then the gateway at the edge.
 */
class KubernetesManifestTests {

  private static final List<String> OVERLAYS = RenderedOverlay.OVERLAYS;
  private final ServiceCatalog catalog = ServiceCatalog.load();

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void everyDeployableHasItsWorkloadServiceBudgetAndAutoscaler(String overlay) throws Exception {
    Map<String, Map<String, Object>> objects = render(overlay);
    Map<String, Integer> deployables = new LinkedHashMap<>();
    deployables.put("gateway", catalog.gateway().port());
    catalog.services().forEach(service -> deployables.put(service.name(), service.port()));
    deployables.forEach(
        (name, port) -> {
          Map<String, Object> deployment = object(objects, "Deployment", name);
          Map<String, Object> pod = map(map(deployment, "spec"), "template");
          Map<String, Object> labels = map(map(pod, "metadata"), "labels");
          assertThat(map(map(map(deployment, "spec"), "selector"), "matchLabels"))
              .as(name + " selector matches its pods")
              .allSatisfy((key, value) -> assertThat(labels).containsEntry(key, value));
          assertThat(map(map(object(objects, "Service", name), "spec"), "selector"))
              .allSatisfy((key, value) -> assertThat(labels).containsEntry(key, value));
          assertThat(
                  map(
                      map(map(object(objects, "PodDisruptionBudget", name), "spec"), "selector"),
                      "matchLabels"))
              .allSatisfy((key, value) -> assertThat(labels).containsEntry(key, value));
          assertThat(
                  map(
                      map(object(objects, "HorizontalPodAutoscaler", name), "spec"),
                      "scaleTargetRef"))
              .containsEntry("kind", "Deployment")
              .containsEntry("name", name);
          if (overlay.endsWith("standby")) {
            assertThat(map(deployment, "spec"))
                .as(name + ": passive, no pod until failover")
                .containsEntry("replicas", 0);
          } else {
            assertThat(map(deployment, "spec"))
                .as(name + ": the autoscaler owns replicas")
                .doesNotContainKey("replicas");
          }

          Map<String, Object> spec = map(pod, "spec");
          Map<String, Object> container = list(spec, "containers").get(0);
          assertThat(String.valueOf(container.get("image")))
              .startsWith("stride/" + name + ":")
              .doesNotEndWith(":latest");
          assertThat(env(container)).containsEntry("PORT", Integer.toString(port));
          for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(String.valueOf(map(map(container, probe), "httpGet").get("path")))
                .as(name + " " + probe)
                .startsWith("/actuator/health/");
          }
          Map<String, Object> resources = map(container, "resources");
          assertThat(map(resources, "requests")).containsKeys("cpu", "memory");
          assertThat(map(resources, "limits")).containsKey("memory");
          assertThat(map(spec, "securityContext")).containsEntry("runAsNonRoot", true);
          assertThat(map(container, "securityContext"))
              .containsEntry("readOnlyRootFilesystem", true)
              .containsEntry("allowPrivilegeEscalation", false);
          assertThat(String.valueOf(map(container, "securityContext").get("capabilities")))
              .contains("ALL");
          assertThat(String.valueOf(spec.get("topologySpreadConstraints")))
              .contains("topology.kubernetes.io/zone");
          assertThat(map(container, "lifecycle")).containsKey("preStop");
          // preStop (10 s) + Spring's graceful shutdown phase (20 s) must fit the grace period
          assertThat((Integer) spec.get("terminationGracePeriodSeconds"))
              .isGreaterThanOrEqualTo(35);
          if (overlay.contains("prod")) {
            assertThat(String.valueOf(spec.get("topologySpreadConstraints")))
                .contains("DoNotSchedule");
            assertThat(
                    (Integer)
                        map(object(objects, "HorizontalPodAutoscaler", name), "spec")
                            .get("minReplicas"))
                .isGreaterThanOrEqualTo(3);
          }
        });
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void theGatewayReachesEveryServiceAndSecretsComeFromSecrets(String overlay) throws Exception {
    Map<String, Map<String, Object>> objects = render(overlay);
    Map<String, Object> gateway =
        list(
                map(map(map(object(objects, "Deployment", "gateway"), "spec"), "template"), "spec"),
                "containers")
            .get(0);
    for (Service service : catalog.services()) {
      assertThat(env(gateway))
          .containsEntry(service.urlVariable(), "http://" + service.name() + ":" + service.port());
      Map<String, Object> container =
          list(
                  map(
                      map(map(object(objects, "Deployment", service.name()), "spec"), "template"),
                      "spec"),
                  "containers")
              .get(0);
      for (String secret : service.secrets()) {
        assertThat(String.valueOf(envEntry(container, secret).get("valueFrom")))
            .as(service.name() + " " + secret)
            .contains("secretKeyRef");
      }
    }
    assertThat(map(object(objects, "NetworkPolicy", "default-deny"), "spec"))
        .containsEntry("podSelector", Map.of())
        .containsEntry("policyTypes", List.of("Ingress", "Egress"));
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void everyCatalogTopicAndDeadLetterTopicIsAReplicatedKafkaTopic(String overlay) throws Exception {
    Map<String, Map<String, Object>> objects = render(overlay);
    List<String> expected = new ArrayList<>(catalog.topics());
    List<String> deadLetters = new ArrayList<>();
    Set<String> followed = new TreeSet<>();
    for (Service service : catalog.services()) {
      // a consumer parks what it cannot apply; a follower of a state topic parks nothing
      for (String topic : service.consumes()) {
        deadLetters.add(topic + "." + service.name() + ".dlt");
      }
      followed.addAll(service.follows());
    }
    expected.addAll(deadLetters);
    List<String> declared =
        objects.values().stream()
            .filter(object -> "KafkaTopic".equals(object.get("kind")))
            .map(object -> String.valueOf(map(object, "spec").get("topicName")))
            .toList();
    assertThat(declared).containsExactlyInAnyOrderElementsOf(expected);
    for (String topic : expected) {
      Map<String, Object> spec = map(object(objects, "KafkaTopic", topic), "spec");
      assertThat(spec).containsEntry("replicas", 3);
      assertThat(map(spec, "config")).containsEntry("min.insync.replicas", 2);
    }
    assertThat(followed).as("the catalog follows some topic").isNotEmpty();
    for (String topic : followed) {
      // every replica of a follower reads it whole: the latest value per key, kept forever
      assertThat(map(map(object(objects, "KafkaTopic", topic), "spec"), "config"))
          .as(topic + " is followed (services.yml), so a state topic")
          .containsEntry("cleanup.policy", "compact")
          .doesNotContainKey("retention.ms");
    }
    for (String topic : deadLetters) {
      assertThat(map(map(object(objects, "KafkaTopic", topic), "spec"), "config"))
          .as(topic + " keeps every parked event")
          .doesNotContainKey("cleanup.policy");
    }
    Map<String, Object> kafka = map(map(object(objects, "Kafka", "stride-kafka"), "spec"), "kafka");
    assertThat(map(kafka, "config"))
        .containsEntry("default.replication.factor", 3)
        .containsEntry("min.insync.replicas", 2)
        .containsEntry("auto.create.topics.enable", false);
    assertThat(map(kafka, "rack")).containsEntry("topologyKey", "topology.kubernetes.io/zone");
    for (String pool : List.of("controllers", "brokers")) {
      assertThat(map(object(objects, "KafkaNodePool", pool), "spec")).containsEntry("replicas", 3);
    }
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void postgresIsThreeInstancesOverTheZonesWithContinuousBackup(String overlay) throws Exception {
    Map<String, Map<String, Object>> objects = render(overlay);
    Map<String, Object> cluster = map(object(objects, "Cluster", "stride-postgres"), "spec");
    assertThat(cluster).containsEntry("instances", 3);
    assertThat(map(cluster, "affinity"))
        .containsEntry("topologyKey", "topology.kubernetes.io/zone")
        .containsEntry("podAntiAffinityType", "required");
    assertThat(String.valueOf(cluster.get("plugins")))
        .contains("barman-cloud.cloudnative-pg.io")
        .contains("isWALArchiver=true");
    assertThat(map(object(objects, "ScheduledBackup", "stride-postgres-nightly"), "spec"))
        .containsEntry("method", "plugin")
        .containsEntry("cluster", Map.of("name", "stride-postgres"));
    object(objects, "ObjectStore", "stride-backups");
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void theEdgeIsTlsThenTheWafThenTheGatewayAndOnlyTheEdgeReachesTheGateway(String overlay)
      throws Exception {
    Map<String, Map<String, Object>> objects = render(overlay);
    Map<String, Object> gatewayApi = map(object(objects, "Gateway", "stride"), "spec");
    assertThat(String.valueOf(gatewayApi.get("listeners")))
        .contains("protocol=HTTPS", "mode=Terminate");
    assertThat(String.valueOf(map(object(objects, "HTTPRoute", "stride"), "spec").get("rules")))
        .contains("name=waf");
    Map<String, Object> waf =
        list(
                map(map(map(object(objects, "Deployment", "waf"), "spec"), "template"), "spec"),
                "containers")
            .get(0);
    assertThat(env(waf))
        .containsEntry(
            "BACKEND", "http://gateway.stride.svc.cluster.local:" + catalog.gateway().port());
    assertThat(map(map(object(objects, "Namespace", "stride-edge"), "metadata"), "labels"))
        .containsEntry("stride.io/edge", "true");
    assertThat(
            String.valueOf(map(object(objects, "NetworkPolicy", "gateway"), "spec").get("ingress")))
        .contains("stride.io/edge=true");
    // the image renders its configuration into emptyDirs; the root stays read-only
    Map<String, Object> wafPod =
        map(map(map(object(objects, "Deployment", "waf"), "spec"), "template"), "spec");
    for (Map<String, Object> container : containers(wafPod)) {
      assertThat(map(container, "securityContext"))
          .as("waf container " + container.get("name"))
          .containsEntry("readOnlyRootFilesystem", true)
          .containsEntry("allowPrivilegeEscalation", false);
    }
    assertThat(String.valueOf(waf.get("volumeMounts")))
        .contains("mountPath=/etc/nginx,", "mountPath=/etc/modsecurity.d,", "mountPath=/tmp,");
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void theWafLoadsStridesRuleSetTuningFromTheFilesEveryWafShares(String overlay) throws Exception {
    Map<String, Map<String, Object>> objects = render(overlay);
    Map<String, Object> pod =
        map(map(map(object(objects, "Deployment", "waf"), "spec"), "template"), "spec");
    String configMap =
        list(pod, "volumes").stream()
            .filter(volume -> "crs-tuning".equals(volume.get("name")))
            .map(volume -> String.valueOf(map(volume, "configMap").get("name")))
            .findFirst()
            .orElseThrow();
    @SuppressWarnings("unchecked")
    Map<String, String> data =
        (Map<String, String>) object(objects, "ConfigMap", configMap).get("data");
    Path rules = Path.of("..").toAbsolutePath().normalize().resolve("k8s/edge/waf");
    assertThat(data)
        .containsOnlyKeys("stride-before-crs.conf", "stride-after-crs.conf")
        .containsEntry(
            "stride-before-crs.conf", Files.readString(rules.resolve("stride-before-crs.conf")))
        .containsEntry(
            "stride-after-crs.conf", Files.readString(rules.resolve("stride-after-crs.conf")));
    Map<String, Object> waf = list(pod, "containers").get(0);
    assertThat(String.valueOf(waf.get("volumeMounts")))
        .contains(
            "mountPath=/opt/owasp-crs/rules/REQUEST-900-EXCLUSION-RULES-BEFORE-CRS.conf,"
                + " name=crs-tuning, readOnly=true, subPath=stride-before-crs.conf",
            "mountPath=/opt/owasp-crs/rules/RESPONSE-999-EXCLUSION-RULES-AFTER-CRS.conf,"
                + " name=crs-tuning, readOnly=true, subPath=stride-after-crs.conf");
    assertThat(env(waf))
        .as("body limits as the gateway's")
        .containsEntry("MODSEC_REQ_BODY_LIMIT", "27262976")
        .containsEntry("MODSEC_REQ_BODY_NOFILES_LIMIT", "1048576");
  }

  static List<Map<String, Object>> containers(Map<String, Object> podSpec) {
    List<Map<String, Object>> all = new ArrayList<>(list(podSpec, "containers"));
    if (podSpec.get("initContainers") != null) {
      all.addAll(list(podSpec, "initContainers"));
    }
    return all;
  }

  private static Map<String, Map<String, Object>> render(String overlay)
      throws IOException, InterruptedException {
    return RenderedOverlay.render(overlay);
  }

  static Map<String, Object> object(
      Map<String, Map<String, Object>> objects, String kind, String name) {
    Map<String, Object> found = objects.get(kind + "/" + name);
    assertThat(found).as(kind + " " + name).isNotNull();
    return found;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    assertThat(value).as(key).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
    return new ArrayList<>((List<Map<String, Object>>) parent.get(key));
  }

  static Map<String, String> env(Map<String, Object> container) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Map<String, Object> entry : list(container, "env")) {
      if (entry.containsKey("value")) {
        values.put(String.valueOf(entry.get("name")), String.valueOf(entry.get("value")));
      }
    }
    return values;
  }

  static Map<String, Object> envEntry(Map<String, Object> container, String name) {
    return list(container, "env").stream()
        .filter(entry -> name.equals(entry.get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no env " + name));
  }
}
