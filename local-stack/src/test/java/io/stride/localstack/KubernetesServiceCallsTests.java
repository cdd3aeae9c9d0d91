package io.stride.localstack;

import static io.stride.localstack.KubernetesManifestTests.env;
import static io.stride.localstack.KubernetesManifestTests.list;
import static io.stride.localstack.KubernetesManifestTests.map;
import static io.stride.localstack.KubernetesManifestTests.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.catalog.Service;
import io.stride.catalog.ServiceCatalog;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Calls between services on Kubernetes, against the catalog: a service calls another only for
 * auth-service's key set, or to warm the copy of a state topic it follows from the read API of the
 * topic's producer (ADR 0024), at the URL variable the gateway uses too; the NetworkPolicies let
 * exactly these calls through, both the caller's way out and the callee's way in.
 */
class KubernetesServiceCallsTests {

  private static final List<String> OVERLAYS = RenderedOverlay.OVERLAYS;
  private static final Map<String, String> STRIDE_NAMESPACE =
      Map.of("kubernetes.io/metadata.name", "stride");
  private final ServiceCatalog catalog = ServiceCatalog.load();

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void aFollowerIsPointedAtTheProducersOfTheTopicsItFollows(String overlay) throws Exception {
    Map<String, Map<String, Object>> objects = RenderedOverlay.render(overlay);
    for (Service follower : catalog.services()) {
      Map<String, String> env = env(container(objects, follower));
      for (Service producer : producersFollowedBy(catalog, follower)) {
        assertThat(env)
            .as(follower.name() + " warms its copy from " + producer.name())
            .containsEntry(
                producer.urlVariable(), "http://" + producer.name() + ":" + producer.port());
      }
    }
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void aServiceReachesAnotherOnlyForTheKeySetOrTheReadApiOfATopicItFollows(String overlay)
      throws Exception {
    Map<String, Map<String, Object>> objects = RenderedOverlay.render(overlay);
    Set<String> followerCalls = new TreeSet<>();
    for (Service caller : catalog.services()) {
      Set<Service> followed = producersFollowedBy(catalog, caller);
      for (Service callee : catalog.services()) {
        if (callee.equals(caller)) {
          continue;
        }
        boolean expected = callee.name().equals("auth-service") || followed.contains(callee);
        assertThat(reaches(objects, caller, callee))
            .as(caller.name() + " → " + callee.name() + ":" + callee.port() + " in " + overlay)
            .isEqualTo(expected);
        if (followed.contains(callee)) {
          followerCalls.add(caller.name() + " → " + callee.name());
        }
      }
    }
    assertThat(followerCalls).contains("profile-service → region-service");
  }

  /** Whether both sides' policies let the caller's pods open the callee's HTTP port. */
  private static boolean reaches(
      Map<String, Map<String, Object>> objects, Service caller, Service callee) {
    Map<String, Object> from = object(objects, "Deployment", caller.name());
    Map<String, Object> to = object(objects, "Deployment", callee.name());
    Set<String> out = ScrapeTargets.egressPorts(objects, from, STRIDE_NAMESPACE, to);
    Set<String> in =
        ScrapeTargets.admittedPorts(objects, to, STRIDE_NAMESPACE, ScrapeTargets.podLabels(from));
    String port = String.valueOf(callee.port());
    return (out.contains(port) || out.contains("all")) && (in.contains(port) || in.contains("all"));
  }

  /** The services publishing the topics {@code follower} follows. */
  static Set<Service> producersFollowedBy(ServiceCatalog catalog, Service follower) {
    Set<Service> producers = new LinkedHashSet<>();
    for (String topic : follower.follows()) {
      producers.add(catalog.publisherOf(topic).orElseThrow());
    }
    return producers;
  }

  private static Map<String, Object> container(
      Map<String, Map<String, Object>> objects, Service service) {
    return list(
            map(
                map(map(object(objects, "Deployment", service.name()), "spec"), "template"),
                "spec"),
            "containers")
        .get(0);
  }
}
