package io.stride.gateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stride.catalog.ServiceCatalog;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ApiDocumentMergeTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static JsonNode doc(String path, String schema, String type) {
    return JSON.readTree(
        """
        {"openapi":"3.1.0","info":{"contact":{"name":"c"},"license":{"name":"l"}},
         "servers":[{"url":"http://gw"}],"tags":[{"name":"T"}],
         "paths":{"%s":{"get":{"operationId":"x"}}},
         "components":{"schemas":{"%s":{"type":"%s"},"Problem":{"type":"object"}}}}
        """
            .formatted(path, schema, type));
  }

  @Test
  void pathsOfEveryServiceAreKeptAndMarkedWithTheirServiceAndSharedComponentsAppearOnce() {
    Map<String, JsonNode> documents = new LinkedHashMap<>();
    documents.put("a-service", doc("/api/v1/a", "A", "string"));
    documents.put("b-service", doc("/api/v1/b", "B", "integer"));
    JsonNode merged = ApiDocumentMerge.merge(ServiceCatalog.load(), documents);
    assertThat(merged.path("info").path("title").asString()).isEqualTo("Stride API");
    assertThat(merged.path("info").path("version").asString())
        .isEqualTo(ServiceCatalog.load().api().version());
    assertThat(
            merged.path("paths").path("/api/v1/b").path("get").path("x-stride-service").asString())
        .isEqualTo("b-service");
    assertThat(merged.path("components").path("schemas").propertyNames())
        .containsExactlyInAnyOrder("A", "B", "Problem");
    assertThat(merged.path("tags")).hasSize(1);
  }

  @Test
  void twoServicesGivingOneSchemaNameDifferentMeaningsAreRefusedNamingBoth() {
    Map<String, JsonNode> documents = new LinkedHashMap<>();
    documents.put("a-service", doc("/api/v1/a", "Visibility", "string"));
    documents.put("b-service", doc("/api/v1/b", "Visibility", "integer"));
    assertThatThrownBy(() -> ApiDocumentMerge.merge(ServiceCatalog.load(), documents))
        .hasMessageContaining("schemas/Visibility")
        .hasMessageContaining("a-service")
        .hasMessageContaining("b-service");
  }

  @Test
  void onePathDocumentedByTwoServicesIsRefused() {
    Map<String, JsonNode> documents = new LinkedHashMap<>();
    documents.put("a-service", doc("/api/v1/a", "A", "string"));
    documents.put("b-service", doc("/api/v1/a", "B", "string"));
    assertThatThrownBy(() -> ApiDocumentMerge.merge(ServiceCatalog.load(), documents))
        .hasMessageContaining("/api/v1/a");
  }
}
