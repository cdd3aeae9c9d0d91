package io.stride.localstack;

import static io.stride.localstack.KubernetesManifestTests.env;
import static io.stride.localstack.KubernetesManifestTests.envEntry;
import static io.stride.localstack.KubernetesManifestTests.list;
import static io.stride.localstack.KubernetesManifestTests.map;
import static io.stride.localstack.KubernetesManifestTests.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.catalog.Route;
import io.stride.catalog.Service;
import io.stride.catalog.ServiceCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * What reaches people from Kubernetes besides the API's answers: the live streams (catalog routes
 * with {@code streaming: true}) pass the edge with no request timeout, and notification-service
 * sends through the installer's SMTP relay (settings in a ConfigMap, the login only in a Secret)
 * and to push services on public addresses only.
 */
class KubernetesNotificationTests {

  private static final List<String> OVERLAYS = RenderedOverlay.OVERLAYS;
  private final ServiceCatalog catalog = ServiceCatalog.load();

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  @SuppressWarnings("unchecked") // the rendered YAML: lists of maps
  void everyStreamingRoutePassesTheEdgeWithoutARequestTimeout(String overlay) throws Exception {
    List<Map<String, Object>> rules =
        list(map(object(RenderedOverlay.render(overlay), "HTTPRoute", "stride"), "spec"), "rules");
    List<String> streaming = new ArrayList<>();
    for (Service service : catalog.services()) {
      for (Route route : service.routes()) {
        if (route.streaming()) {
          streaming.addAll(route.paths());
        }
      }
    }
    assertThat(streaming).as("the catalog has live streams").isNotEmpty();
    for (String path : streaming) {
      Map<String, Object> match =
          path.endsWith("/**")
              ? Map.of("type", "PathPrefix", "value", path.substring(0, path.length() - 3))
              : Map.of("type", "Exact", "value", path);
      assertThat(rules)
          .as(path + " at the edge")
          .anySatisfy(
              rule -> {
                assertThat((List<Object>) rule.get("matches")).contains(Map.of("path", match));
                assertThat(rule.get("timeouts")).isEqualTo(Map.of("request", "0s"));
                assertThat(String.valueOf(rule.get("backendRefs"))).contains("name=waf");
              });
    }
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void notificationServiceSendsThroughTheInstallersRelayWithItsLoginInASecret(String overlay)
      throws Exception {
    Map<String, Map<String, Object>> objects = RenderedOverlay.render(overlay);
    Map<String, Object> container =
        list(
                map(
                    map(
                        map(object(objects, "Deployment", "notification-service"), "spec"),
                        "template"),
                    "spec"),
                "containers")
            .get(0);
    assertThat(String.valueOf(container.get("envFrom"))).contains("name=stride-mail");
    @SuppressWarnings("unchecked")
    Map<String, String> mail =
        (Map<String, String>) object(objects, "ConfigMap", "stride-mail").get("data");
    assertThat(mail)
        .containsKeys("STRIDE_SMTP_HOST", "STRIDE_SMTP_PORT", "STRIDE_MAIL_FROM")
        .containsEntry("STRIDE_SMTP_STARTTLS", "true")
        .as("a login never crosses in clear")
        .containsEntry("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED", "true")
        .doesNotContainKeys("STRIDE_SMTP_USERNAME", "STRIDE_SMTP_PASSWORD");
    for (String secret : List.of("STRIDE_SMTP_USERNAME", "STRIDE_SMTP_PASSWORD")) {
      assertThat(String.valueOf(envEntry(container, secret).get("valueFrom")))
          .as(secret)
          .contains("secretKeyRef");
    }
    assertThat(env(container))
        .as("the public address links lead to comes from stride-config")
        .doesNotContainKey("STRIDE_PUBLIC_URL");
    assertThat(map(object(objects, "ConfigMap", "stride-config"), "data"))
        .containsEntry(
            "STRIDE_PUBLIC_URL",
            map(object(objects, "ConfigMap", "stride-config"), "data").get("STRIDE_ISSUER"));
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void notificationServiceReachesSmtpAnywhereAndHttpsOnPublicAddressesOnly(String overlay)
      throws Exception {
    Map<String, Object> policy =
        map(
            object(RenderedOverlay.render(overlay), "NetworkPolicy", "notification-service"),
            "spec");
    List<String> smtp = new ArrayList<>();
    List<Map<String, Object>> https = new ArrayList<>();
    for (Map<String, Object> rule : list(policy, "egress")) {
      for (Map<String, Object> port : list(rule, "ports")) {
        int number = (Integer) port.get("port");
        if (List.of(25, 465, 587).contains(number)) {
          smtp.add(String.valueOf(number));
        }
        if (number == 443) {
          https.add(rule);
        }
      }
    }
    assertThat(smtp).containsExactlyInAnyOrder("25", "465", "587");
    assertThat(https)
        .singleElement()
        .satisfies(
            rule -> {
              List<Map<String, Object>> peers = list(rule, "to");
              assertThat(peers).allSatisfy(peer -> assertThat(peer).containsOnlyKeys("ipBlock"));
              String blocks = String.valueOf(peers);
              // pods, nodes, private networks and the cloud's metadata endpoint stay out of reach
              // of a push endpoint URL a browser handed in
              assertThat(blocks)
                  .contains(
                      "cidr=0.0.0.0/0",
                      "10.0.0.0/8",
                      "172.16.0.0/12",
                      "192.168.0.0/16",
                      "169.254.0.0/16",
                      "cidr=::/0",
                      "fc00::/7",
                      "fe80::/10");
            });
  }
}
