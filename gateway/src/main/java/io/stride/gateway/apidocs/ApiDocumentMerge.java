package io.stride.gateway.apidocs;

import io.stride.catalog.ServiceCatalog;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One OpenAPI document for all of Stride from the services' own: their paths side by side (each
 * operation marked with {@code x-stride-service}), their tags, and their components, which must
 * agree where they share a name (the platform writes {@code Problem}, the error answers and the
 * security scheme identically everywhere). Two services defining the same path or a different
 * schema under one name is a design error: the merge refuses it rather than pick one.
 */
final class ApiDocumentMerge {

  private ApiDocumentMerge() {}

  static ObjectNode merge(ServiceCatalog catalog, Map<String, JsonNode> documents) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode merged = nodes.objectNode();
    JsonNode first = documents.values().iterator().next();
    merged.set("openapi", first.path("openapi"));
    merged.set("info", info(catalog, first.path("info")));
    merged.set("servers", first.path("servers"));
    merged.set("security", first.path("security"));
    ArrayNode tags = merged.putArray("tags");
    Map<String, String> tagOwners = new LinkedHashMap<>();
    ObjectNode paths = merged.putObject("paths");
    ObjectNode components = merged.putObject("components");
    Map<String, String> componentOwners = new LinkedHashMap<>();
    documents.forEach(
        (service, document) -> {
          for (JsonNode tag : document.path("tags")) {
            if (tagOwners.putIfAbsent(tag.path("name").asString(), service) == null) {
              tags.add(tag);
            }
          }
          for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            if (paths.has(path.getKey())) {
              throw new IllegalStateException(
                  path.getKey() + " is documented by two services, " + service + " among them");
            }
            ObjectNode item = (ObjectNode) path.getValue().deepCopy();
            item.properties()
                .forEach(op -> ((ObjectNode) op.getValue()).put("x-stride-service", service));
            paths.set(path.getKey(), item);
          }
          for (Map.Entry<String, JsonNode> section : document.path("components").properties()) {
            ObjectNode into =
                components.has(section.getKey())
                    ? (ObjectNode) components.get(section.getKey())
                    : components.putObject(section.getKey());
            for (Map.Entry<String, JsonNode> entry : section.getValue().properties()) {
              String key = section.getKey() + "/" + entry.getKey();
              JsonNode existing = into.get(entry.getKey());
              if (existing == null) {
                into.set(entry.getKey(), entry.getValue());
                componentOwners.put(key, service);
              } else if (!existing.equals(entry.getValue())) {
                throw new IllegalStateException(
                    "components/"
                        + key
                        + " differs between "
                        + componentOwners.get(key)
                        + " and "
                        + service
                        + ": give one of them another name");
              }
            }
          }
        });
    return merged;
  }

  private static ObjectNode info(ServiceCatalog catalog, JsonNode serviceInfo) {
    ServiceCatalog.Api api = catalog.api();
    StringBuilder description = new StringBuilder(api.description()).append("\n\nServices:\n");
    catalog.services().stream()
        .filter(service -> !service.routes().isEmpty())
        .forEach(
            service ->
                description
                    .append("- **")
                    .append(service.name())
                    .append("**: ")
                    .append(service.summary())
                    .append('\n'));
    ObjectNode info = JsonNodeFactory.instance.objectNode();
    info.put("title", "Stride API");
    info.put("summary", "Every public operation of Stride, through the gateway");
    info.put("version", api.version());
    info.put("description", description.toString());
    info.set("contact", serviceInfo.path("contact"));
    info.set("license", serviceInfo.path("license"));
    return info;
  }
}
