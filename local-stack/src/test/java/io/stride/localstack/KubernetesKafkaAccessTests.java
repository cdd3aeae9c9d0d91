package io.stride.localstack;

import static io.stride.localstack.KubernetesManifestTests.env;
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
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Least-privilege Kafka on Kubernetes, against the catalog: the brokers authorize every request and
 * serve one TLS + SCRAM-SHA-512 listener; every service that publishes, consumes or follows has a
 * KafkaUser whose ACLs are exactly those its catalog entry implies, logs in with its own user's
 * Secret only, and alone (with MirrorMaker and the gateway, which reads token revocations) reaches
 * the brokers, on that listener's port only.
 */
class KubernetesKafkaAccessTests {

  private static final List<String> OVERLAYS = RenderedOverlay.OVERLAYS;
  private static final String CLIENT_LABEL = "stride.io/kafka-client";
  private static final String CLUSTER_CA = "stride-kafka-cluster-ca-cert";
  private static final String MIRROR_USER = "stride-mirror";
  private static final String REPLAY_USER = "stride-dead-letter-replay";
  private static final String GATEWAY = "gateway";
  private static final KubernetesSchemas SCHEMAS = new KubernetesSchemas();
  private final ServiceCatalog catalog = ServiceCatalog.load();

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void everyServiceThatUsesKafkaHasAUserWithExactlyTheAclsOfItsCatalogEntry(String overlay)
      throws Exception {
    Map<String, Map<String, Object>> objects = RenderedOverlay.render(overlay);
    List<String> expectedUsers = new ArrayList<>(List.of(MIRROR_USER, REPLAY_USER, GATEWAY));
    assertThat(granted(object(objects, "KafkaUser", GATEWAY)))
        .as("the gateway reads token revocations, group-less, and nothing else (ADR 0040)")
        .containsExactlyInAnyOrder(
            "topic:stride.auth.users:Read", "topic:stride.auth.users:Describe");
    for (Service service : catalog.services()) {
      if (!service.usesKafka()) {
        assertThat(objects).as(service.name()).doesNotContainKey("KafkaUser/" + service.name());
        continue;
      }
      expectedUsers.add(service.name());
      Map<String, Object> user = object(objects, "KafkaUser", service.name());
      assertThat(map(user, "metadata").get("labels"))
          .isEqualTo(
              Map.of("strimzi.io/cluster", "stride-kafka", "app.kubernetes.io/part-of", "stride"));
      assertThat(map(map(user, "spec"), "authentication"))
          .as("a password the user operator generates")
          .isEqualTo(Map.of("type", "scram-sha-512"));
      assertThat(granted(user)).as(service.name()).isEqualTo(aclsOf(service));
    }
    assertThat(
            objects.keySet().stream()
                .filter(key -> key.startsWith("KafkaUser/"))
                .map(key -> key.substring("KafkaUser/".length())))
        .containsExactlyInAnyOrderElementsOf(expectedUsers);
  }

  @Test
  void aTopicAddedToTheCatalogWithoutItsAclsIsCaught() throws Exception {
    Service profile = catalog.service("profile-service");
    Service grown =
        new Service(
            profile.name(),
            profile.port(),
            profile.schema(),
            profile.summary(),
            profile.routes(),
            profile.scopes(),
            concat(profile.publishes(), "stride.profile.goals"),
            concat(profile.consumes(), "stride.workout.workouts"),
            concat(profile.follows(), "stride.region.holidays"),
            profile.secrets());
    Map<String, Object> user =
        object(RenderedOverlay.render("overlays/dev"), "KafkaUser", "profile-service");
    Set<String> missing = new TreeSet<>(aclsOf(grown));
    missing.removeAll(granted(user));
    assertThat(missing)
        .containsExactlyInAnyOrder(
            "topic:stride.profile.goals:Write",
            "topic:stride.profile.goals:Describe",
            "topic:stride.workout.workouts:Read",
            "topic:stride.workout.workouts:Describe",
            "topic:stride.workout.workouts.profile-service.dlt:Write",
            "topic:stride.workout.workouts.profile-service.dlt:Describe",
            // a followed state topic: read whole by every replica, no group, no dead-letter topic
            "topic:stride.region.holidays:Read",
            "topic:stride.region.holidays:Describe");
    Service quiet =
        new Service(
            "quiet-service",
            8099,
            "quiet",
            "",
            List.of(),
            Map.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    assertThat(quiet.usesKafka()).isFalse();
    assertThat(aclsOf(quiet)).isEmpty();
    Service follower =
        new Service(
            "follower-service",
            8099,
            "follower",
            "",
            List.of(),
            Map.of(),
            List.of(),
            List.of(),
            List.of("stride.region.regions"),
            List.of());
    assertThat(follower.usesKafka()).isTrue();
    assertThat(aclsOf(follower))
        .containsExactly(
            "topic:stride.region.regions:Describe", "topic:stride.region.regions:Read");
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void everyServiceLogsInAsItsOwnUserOverTlsAndNoOtherWorkloadHoldsItsSecret(String overlay)
      throws Exception {
    Map<String, Map<String, Object>> objects = RenderedOverlay.render(overlay);
    assertThat(map(object(objects, "ConfigMap", "stride-config"), "data"))
        .containsEntry(
            "STRIDE_KAFKA_BOOTSTRAP", "stride-kafka-kafka-bootstrap:" + authenticatedPort(objects));
    Map<String, Boolean> workloads = new java.util.LinkedHashMap<>();
    catalog.services().forEach(service -> workloads.put(service.name(), service.usesKafka()));
    workloads.put(GATEWAY, true); // token revocations (ADR 0040)
    for (Map.Entry<String, Boolean> workload : workloads.entrySet()) {
      String name = workload.getKey();
      Map<String, Object> template =
          map(map(object(objects, "Deployment", name), "spec"), "template");
      Map<String, Object> labels = map(map(template, "metadata"), "labels");
      Map<String, Object> pod = map(template, "spec");
      Map<String, Object> container = list(pod, "containers").get(0);
      if (!workload.getValue()) {
        assertThat(labels).doesNotContainKey(CLIENT_LABEL);
        assertThat(env(container).keySet())
            .noneMatch(variable -> variable.startsWith("SPRING_KAFKA_"));
        continue;
      }
      assertThat(labels).containsEntry(CLIENT_LABEL, "true");
      assertThat(env(container))
          .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
          .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
          .containsEntry("SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "PKCS12");
      assertThat(envEntry(container, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG").get("valueFrom"))
          .isEqualTo(
              Map.of(
                  "secretKeyRef",
                  Map.of("name", "stride-kafka-" + name, "key", "sasl.jaas.config")));
      assertThat(envEntry(container, "SPRING_KAFKA_SSL_TRUST_STORE_PASSWORD").get("valueFrom"))
          .isEqualTo(Map.of("secretKeyRef", Map.of("name", CLUSTER_CA, "key", "ca.password")));
      // the trust store is the cluster CA's ca.p12, mounted read-only
      Map<String, Object> volume =
          list(pod, "volumes").stream()
              .filter(
                  v ->
                      v.get("secret") instanceof Map<?, ?> secret
                          && CLUSTER_CA.equals(secret.get("secretName")))
              .findFirst()
              .orElseThrow(() -> new AssertionError(name + ": no cluster CA volume"));
      Map<String, Object> mount =
          list(container, "volumeMounts").stream()
              .filter(m -> volume.get("name").equals(m.get("name")))
              .findFirst()
              .orElseThrow(() -> new AssertionError(name + ": CA not mounted"));
      assertThat(mount).containsEntry("readOnly", true);
      assertThat(String.valueOf(map(volume, "secret").get("items"))).contains("key=ca.p12");
      assertThat(env(container))
          .containsEntry(
              "SPRING_KAFKA_SSL_TRUST_STORE_LOCATION",
              "file:" + mount.get("mountPath") + "/ca.p12");
    }
    // no workload reads another Kafka user's Secret
    List<String> users =
        objects.keySet().stream()
            .filter(key -> key.startsWith("KafkaUser/"))
            .map(key -> key.substring("KafkaUser/".length()))
            .toList();
    objects.forEach(
        (key, object) -> {
          if (key.startsWith("Deployment/")) {
            String name = key.substring("Deployment/".length());
            String pod = String.valueOf(map(map(object, "spec"), "template"));
            for (String user : users) {
              if (!user.equals(name)) {
                assertThat(pod).as(key).doesNotContainPattern("name=stride-kafka-" + user + "[,}]");
              }
            }
          }
        });
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void theBrokersAuthorizeEveryRequestAndOnlyKafkaClientsReachTheAuthenticatedListener(
      String overlay) throws Exception {
    Map<String, Map<String, Object>> objects = RenderedOverlay.render(overlay);
    Map<String, Object> kafka = map(map(object(objects, "Kafka", "stride-kafka"), "spec"), "kafka");
    assertThat(map(kafka, "authorization")).containsEntry("type", "simple");
    List<Map<String, Object>> listeners = list(kafka, "listeners");
    assertThat(listeners)
        .as("no listener without TLS and a login")
        .allSatisfy(
            listener -> {
              assertThat(listener).containsEntry("tls", true);
              assertThat(map(listener, "authentication")).containsEntry("type", "scram-sha-512");
            });
    int port = authenticatedPort(objects);

    // the brokers' side (Strimzi writes it from the peers): Kafka clients and MirrorMaker only;
    // the other region's addresses in prod only
    List<Object> podPeers = new ArrayList<>();
    for (Map<String, Object> peer : list(listeners.get(0), "networkPolicyPeers")) {
      assertThat(peer).doesNotContainKey("namespaceSelector");
      if (peer.containsKey("ipBlock")) {
        assertThat(overlay).contains("prod");
      } else {
        podPeers.add(map(map(peer, "podSelector"), "matchLabels"));
      }
    }
    assertThat(podPeers)
        .containsExactlyInAnyOrder(
            Map.of(CLIENT_LABEL, "true"),
            Map.of("strimzi.io/cluster", MIRROR_USER, "strimzi.io/kind", "KafkaMirrorMaker2"));

    // the pods' side: only Kafka-using services carry the label, and every way out to Kafka's
    // pods is the authenticated listener's port (Kafka's own pods aside)
    objects.forEach(
        (key, object) -> {
          if (key.startsWith("Deployment/")) {
            String name = key.substring("Deployment/".length());
            Map<String, Object> labels =
                map(map(map(map(object, "spec"), "template"), "metadata"), "labels");
            boolean client =
                catalog.find(name).map(Service::usesKafka).orElse(name.equals(GATEWAY));
            assertThat(labels.containsKey(CLIENT_LABEL)).as(key).isEqualTo(client);
          }
          if (key.startsWith("NetworkPolicy/") && !key.equals("NetworkPolicy/kafka")) {
            Map<String, Object> spec = map(object, "spec");
            if (spec.get("egress") == null) {
              return;
            }
            for (Map<String, Object> rule : list(spec, "egress")) {
              String to = String.valueOf(rule.get("to"));
              if (to.contains("strimzi.io/cluster=stride-kafka")) {
                assertThat(map(spec, "podSelector").get("matchLabels"))
                    .as(key)
                    .isIn(Map.of(CLIENT_LABEL, "true"), Map.of("strimzi.io/cluster", MIRROR_USER));
                assertThat(rule.get("ports"))
                    .as(key)
                    .isEqualTo(List.of(Map.of("protocol", "TCP", "port", port)));
              }
            }
          }
        });
    Map<String, Object> clients = map(object(objects, "NetworkPolicy", "kafka-clients"), "spec");
    assertThat(clients.get("podSelector"))
        .isEqualTo(Map.of("matchLabels", Map.of(CLIENT_LABEL, "true")));
    assertThat(String.valueOf(map(object(objects, "NetworkPolicy", "services"), "spec")))
        .as("the services' shared policy grants no way to Kafka")
        .doesNotContain("strimzi");
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void theMirrorUserMayMirrorEveryTopicAndTheServicesGroups(String overlay) throws Exception {
    Map<String, Map<String, Object>> objects = RenderedOverlay.render(overlay);
    Set<String> granted = granted(object(objects, "KafkaUser", MIRROR_USER));
    List<String> topics = new ArrayList<>(catalog.topics());
    catalog.services().forEach(s -> s.consumes().forEach(t -> topics.add(deadLetterTopic(t, s))));
    for (String topic : topics) {
      for (String operation : List.of("Read", "Write", "Describe", "DescribeConfigs")) {
        assertThat(granted).contains("topic:" + topic + ":" + operation);
      }
    }
    for (Service service : catalog.services()) {
      if (!service.consumes().isEmpty()) {
        assertThat(granted)
            .contains("group:" + service.name() + ":Read", "group:" + service.name() + ":Describe");
      }
    }
    assertThat(granted)
        .contains(
            "group:stride-mirror:Read",
            "topic:stride-mirror.*:Create",
            "topic:mm2-offset-syncs.region-b.internal:Write",
            "topic:region-a.checkpoints.internal:Write")
        .noneMatch(acl -> acl.startsWith("cluster:"))
        .noneMatch(acl -> acl.endsWith(":All"));
  }

  @Test
  void mirrorMakerLogsInAsTheMirrorUserOnBothSides() throws Exception {
    Map<String, Map<String, Object>> objects = RenderedOverlay.render("overlays/prod-standby");
    Map<String, Object> spec = map(object(objects, "KafkaMirrorMaker2", MIRROR_USER), "spec");
    Map<String, Object> target = map(spec, "target");
    assertThat(target)
        .containsEntry(
            "bootstrapServers", "stride-kafka-kafka-bootstrap:" + authenticatedPort(objects));
    assertThat(String.valueOf(target.get("tls"))).contains("secretName=" + CLUSTER_CA);
    assertThat(map(target, "authentication"))
        .containsEntry("type", "scram-sha-512")
        .containsEntry("username", MIRROR_USER)
        .containsEntry(
            "passwordSecret",
            Map.of("secretName", "stride-kafka-" + MIRROR_USER, "password", "password"));
    Map<String, Object> password =
        map(
            map(
                map(map(object(objects, "KafkaUser", MIRROR_USER), "spec"), "authentication"),
                "password"),
            "valueFrom");
    Map<String, Object> source = map(list(spec, "mirrors").get(0), "source");
    assertThat(map(source, "authentication"))
        .as("region A's user has the password both regions share")
        .containsEntry("username", MIRROR_USER)
        .containsEntry(
            "passwordSecret",
            Map.of(
                "secretName", map(password, "secretKeyRef").get("name"),
                "password", map(password, "secretKeyRef").get("key")));
    assertThat(String.valueOf(source.get("bootstrapServers")))
        .endsWith(":" + authenticatedPort(objects));
  }

  @Test
  void refusesAnAclWithAnUnknownOperation() throws Exception {
    Map<String, Object> user =
        RenderedOverlay.render("overlays/dev").get("KafkaUser/profile-service");
    map(map(user, "spec"), "authorization")
        .put(
            "acls",
            List.of(
                Map.of(
                    "resource",
                    Map.of("type", "topic", "name", "stride.auth.users"),
                    "operations",
                    List.of("Writ"))));
    assertThat(SCHEMAS.violations(user)).isNotEmpty().asString().contains("Writ");
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void theReplayUserMayOnlySendParkedEventsBackOntoTheTopicsTheyCameFrom(String overlay)
      throws Exception {
    Set<String> expected = new TreeSet<>();
    for (Service service : catalog.services()) {
      for (String topic : service.consumes()) {
        grant(expected, "topic", deadLetterTopic(topic, service), "Read", "Describe");
        grant(expected, "topic", topic, "Write", "Describe");
      }
      if (!service.consumes().isEmpty()) {
        grant(expected, "group", service.name() + ".dead-letter-replay", "Read", "Describe");
      }
    }
    Map<String, Object> user = object(RenderedOverlay.render(overlay), "KafkaUser", REPLAY_USER);
    assertThat(granted(user)).isEqualTo(expected);
  }

  /** The ACLs a service's catalog entry implies, as {@code type:name:operation}. */
  static Set<String> aclsOf(Service service) {
    Set<String> acls = new TreeSet<>();
    for (String topic : service.publishes()) {
      grant(acls, "topic", topic, "Write", "Describe");
    }
    for (String topic : service.consumes()) {
      grant(acls, "topic", topic, "Read", "Describe");
      grant(acls, "topic", deadLetterTopic(topic, service), "Write", "Describe");
    }
    if (!service.consumes().isEmpty()) {
      // the consumer group is spring.application.name; the dead-letter gauge reads the offsets
      // of the replay group (DeadLetters.replayGroup)
      grant(acls, "group", service.name(), "Read");
      grant(acls, "group", service.name() + ".dead-letter-replay", "Describe");
    }
    for (String topic : service.follows()) {
      // every replica assigns itself all partitions of the state topic: no group, no commits,
      // nothing parked (ADR 0024)
      grant(acls, "topic", topic, "Read", "Describe");
    }
    return acls;
  }

  /** The platform's name for a consumer's dead-letter topic (DeadLetters.topicFor). */
  static String deadLetterTopic(String topic, Service consumer) {
    return topic + "." + consumer.name() + ".dlt";
  }

  /**
   * A rendered user's ACLs as {@code type:name:operation} ({@code name*} for a prefix); each must
   * allow, from any host.
   */
  static Set<String> granted(Map<String, Object> user) {
    Map<String, Object> authorization = map(map(user, "spec"), "authorization");
    assertThat(authorization).containsEntry("type", "simple");
    Set<String> acls = new TreeSet<>();
    for (Map<String, Object> acl : list(authorization, "acls")) {
      assertThat(acl.getOrDefault("type", "allow")).isEqualTo("allow");
      assertThat(acl.getOrDefault("host", "*")).isEqualTo("*");
      Map<String, Object> resource = map(acl, "resource");
      String name =
          resource.get("name") + ("prefix".equals(resource.get("patternType")) ? "*" : "");
      List<?> operations =
          acl.containsKey("operations")
              ? (List<?>) acl.get("operations")
              : List.of(acl.get("operation"));
      for (Object operation : operations) {
        acls.add(resource.get("type") + ":" + name + ":" + operation);
      }
    }
    return acls;
  }

  private static void grant(Set<String> acls, String type, String name, String... operations) {
    for (String operation : operations) {
      acls.add(type + ":" + name + ":" + operation);
    }
  }

  /** The port of the listener clients log in on (TLS + SCRAM-SHA-512). */
  private static int authenticatedPort(Map<String, Map<String, Object>> objects) {
    List<Map<String, Object>> listeners =
        list(map(map(object(objects, "Kafka", "stride-kafka"), "spec"), "kafka"), "listeners");
    assertThat(listeners).hasSize(1);
    return (Integer) listeners.get(0).get("port");
  }

  private static List<String> concat(List<String> list, String item) {
    List<String> all = new ArrayList<>(list);
    all.add(item);
    return all;
  }
}
