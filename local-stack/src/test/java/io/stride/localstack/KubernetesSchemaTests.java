package io.stride.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every object of every overlay, as {@code kubectl kustomize} renders it, is valid by its schema,
 * strictly (an unknown field is an error): built-in kinds by Kubernetes' API models, custom
 * resources by their operators' CRDs ({@link KubernetesSchemas}). The last tests prove the check
 * bites: a misspelled field, a wrong value or an unknown kind is refused.
 */
class KubernetesSchemaTests {

  private static final List<String> OVERLAYS = RenderedOverlay.OVERLAYS;
  private static final KubernetesSchemas SCHEMAS = new KubernetesSchemas();

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void everyRenderedObjectIsValidByItsKubernetesOrCrdSchema(String overlay) throws Exception {
    Map<String, Map<String, Object>> objects = RenderedOverlay.render(overlay);
    List<String> violations = new ArrayList<>();
    objects.forEach(
        (name, object) ->
            SCHEMAS
                .violations(object)
                .forEach(violation -> violations.add(name + " " + violation)));
    assertThat(objects).isNotEmpty();
    assertThat(violations).as(overlay).isEmpty();
  }

  @Test
  void refusesAMisspelledFieldInABuiltInKind() throws Exception {
    Map<String, Object> deployment =
        RenderedOverlay.render("overlays/dev").get("Deployment/gateway");
    container(deployment).put("imagePullPolicyy", "Always");
    assertThat(SCHEMAS.violations(deployment))
        .singleElement()
        .asString()
        .contains("imagePullPolicyy");
  }

  @Test
  void refusesAWrongQuantityAndAMissingRequiredField() throws Exception {
    Map<String, Object> deployment =
        RenderedOverlay.render("overlays/dev").get("Deployment/gateway");
    map(container(deployment), "resources").put("limits", Map.of("memory", "lots"));
    assertThat(SCHEMAS.violations(deployment)).isNotEmpty();
    Map<String, Object> service = RenderedOverlay.render("overlays/dev").get("Service/gateway");
    map(service, "spec").put("ports", List.of(Map.of("name", "http")));
    assertThat(SCHEMAS.violations(service)).singleElement().asString().contains("port");
  }

  @Test
  @SuppressWarnings("unchecked")
  void refusesAMisspelledFieldInACustomResource() throws Exception {
    Map<String, Map<String, Object>> objects = RenderedOverlay.render("overlays/dev");
    Map<String, Object> cluster = objects.get("Cluster/stride-postgres");
    map(cluster, "spec").put("instancess", 3);
    assertThat(SCHEMAS.violations(cluster)).singleElement().asString().contains("instancess");
    Map<String, Object> pool = objects.get("KafkaNodePool/brokers");
    map(map(pool, "spec"), "storage").put("sise", "1Gi");
    assertThat(SCHEMAS.violations(pool)).singleElement().asString().contains("sise");
    Map<String, Object> route = objects.get("HTTPRoute/stride");
    map(route, "metadata").put("labelz", Map.of());
    assertThat(SCHEMAS.violations(route)).singleElement().asString().contains("labelz");
    Map<String, Object> monitor = objects.get("PodMonitor/stride-services");
    ((List<Map<String, Object>>) map(monitor, "spec").get("podMetricsEndpoints"))
        .get(0)
        .put("paht", "/metrics");
    assertThat(SCHEMAS.violations(monitor)).singleElement().asString().contains("paht");
    Map<String, Object> routing = objects.get("AlertmanagerConfig/stride");
    map(map(routing, "spec"), "route").put("groupWait", 30);
    assertThat(SCHEMAS.violations(routing)).singleElement().asString().contains("groupWait");
  }

  @Test
  void refusesAKindWithoutASchema() throws Exception {
    Map<String, Object> topic =
        RenderedOverlay.render("overlays/dev").get("KafkaTopic/stride.auth.users");
    topic.put("apiVersion", "kafka.strimzi.io/v1alpha9");
    assertThat(SCHEMAS.violations(topic)).singleElement().asString().contains("no schema");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.get(key);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> container(Map<String, Object> deployment) {
    Map<String, Object> pod = map(map(map(deployment, "spec"), "template"), "spec");
    return ((List<Map<String, Object>>) pod.get("containers")).get(0);
  }
}
