package io.stride.platform.test.conformance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What a Stride OpenAPI document must be for a generated client to work with no glue (ADR 0013), as
 * a list of violations: stable camel-case operation ids, unique within the document; no {@code
 * *}{@code /*} media types; every operation's own security; a problem+json body on every error
 * answer; 401 where a token is needed, 403 where a scope is, 404 where the path has an id; the
 * gateway as the only server and a real version. Used by the services' conformance tests and the
 * system tests (on the gateway's aggregated document).
 */
public final class ApiDocumentRules {

  private static final Pattern OPERATION_ID = Pattern.compile("[a-z][a-zA-Z0-9]*");
  private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
  private static final String PROBLEM = "#/components/schemas/Problem";

  private ApiDocumentRules() {}

  public static List<String> violations(JsonNode document) {
    List<String> violations = new ArrayList<>();
    JsonNode info = document.path("info");
    if (!VERSION.matcher(info.path("version").asString("")).matches()) {
      violations.add("info.version is not x.y.z: " + info.path("version"));
    }
    for (String field : List.of("title", "description")) {
      if (info.path(field).asString("").isBlank()) {
        violations.add("info." + field + " is missing");
      }
    }
    if (info.path("contact").isMissingNode() || info.path("license").isMissingNode()) {
      violations.add("info needs contact and license");
    }
    JsonNode servers = document.path("servers");
    if (servers.size() != 1
        || !"Stride gateway".equals(servers.path(0).path("description").asString(""))) {
      violations.add("the one server must be the gateway, found " + servers);
    }
    Set<String> ids = new HashSet<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
        String name = method.getKey().toUpperCase() + " " + path.getKey();
        check(document, name, path.getKey(), method.getValue(), ids, violations);
      }
    }
    return violations;
  }

  private static void check(
      JsonNode document,
      String name,
      String path,
      JsonNode operation,
      Set<String> ids,
      List<String> violations) {
    String id = operation.path("operationId").asString("");
    if (!OPERATION_ID.matcher(id).matches()) {
      violations.add(name + ": operationId '" + id + "' is not camelCase");
    } else if (!ids.add(id)) {
      violations.add(name + ": operationId '" + id + "' is used twice");
    }
    if (operation.path("tags").isEmpty()) {
      violations.add(name + ": no tag");
    }
    JsonNode security = operation.get("security");
    if (security == null) {
      violations.add(name + ": no security of its own (public operations say security: [])");
    }
    boolean secured = security == null || !security.isEmpty();
    boolean scoped = false;
    if (security != null) {
      for (JsonNode requirement : security) {
        for (JsonNode scopes : requirement) {
          scoped |= !scopes.isEmpty();
        }
      }
    }
    mediaTypes(name + " request", operation.path("requestBody").path("content"), violations);
    JsonNode body = operation.path("requestBody").path("content").path("application/json");
    if (!body.isMissingNode()) {
      examples(document, name + " request", body.path("schema"), new HashSet<>(), violations);
    }
    JsonNode responses = operation.path("responses");
    for (Map.Entry<String, JsonNode> response : responses.properties()) {
      JsonNode answer = resolve(document, response.getValue());
      mediaTypes(name + " " + response.getKey(), answer.path("content"), violations);
      if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
        String ref =
            answer
                .path("content")
                .path("application/problem+json")
                .path("schema")
                .path("$ref")
                .asString("");
        if (!PROBLEM.equals(ref)) {
          violations.add(name + " " + response.getKey() + ": not a problem+json Problem");
        }
      }
    }
    if (responses.propertyNames().stream().noneMatch(code -> code.startsWith("2"))) {
      violations.add(name + ": no success answer");
    }
    requireAnswer(name, responses, "400", true, violations);
    requireAnswer(name, responses, "401", secured, violations);
    requireAnswer(name, responses, "403", scoped, violations);
    requireAnswer(name, responses, "404", path.contains("{"), violations);
  }

  /**
   * Every field a client sends in a JSON body shows an example value, so a generated client's docs
   * and the reference page show what to send; closed sets (enums) are their own examples. Followed
   * into referenced and array item schemas.
   */
  private static void examples(
      JsonNode document, String where, JsonNode schema, Set<String> seen, List<String> violations) {
    JsonNode resolved = referenced(document, schema, seen);
    if (resolved == null || hasOwnExample(resolved)) {
      return;
    }
    if (resolved.has("items")) {
      examples(document, where + "[]", resolved.get("items"), seen, violations);
    }
    for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
      JsonNode field = property.getValue();
      String at = where + "." + property.getKey();
      if (refOf(field) != null || field.has("items")) {
        examples(document, at, field, seen, violations);
      } else if (!hasOwnExample(field)) {
        violations.add(at + ": no example");
      }
    }
  }

  private static boolean hasOwnExample(JsonNode schema) {
    return schema.has("example") || schema.has("examples") || schema.has("enum");
  }

  /** The schema itself, or the component it references (null when seen before). */
  private static JsonNode referenced(JsonNode document, JsonNode schema, Set<String> seen) {
    String ref = refOf(schema);
    if (ref == null) {
      return schema;
    }
    if (!seen.add(ref)) {
      return null;
    }
    return document
        .path("components")
        .path("schemas")
        .path(ref.substring(ref.lastIndexOf('/') + 1));
  }

  /** The {@code $ref} of a schema, also inside {@code anyOf: [$ref, {type: null}]}. */
  private static String refOf(JsonNode schema) {
    if (schema.has("$ref")) {
      return schema.get("$ref").asString();
    }
    for (JsonNode alternative : schema.path("anyOf")) {
      if (alternative.has("$ref")) {
        return alternative.get("$ref").asString();
      }
    }
    return null;
  }

  private static void requireAnswer(
      String name, JsonNode responses, String code, boolean needed, List<String> violations) {
    if (needed && !responses.has(code)) {
      violations.add(name + ": does not declare " + code);
    }
  }

  private static void mediaTypes(String where, JsonNode content, List<String> violations) {
    for (String media : content.propertyNames()) {
      if (media.contains("*")) {
        violations.add(where + ": media type " + media);
      }
    }
  }

  /** A response object, following a {@code $ref} into {@code components.responses}. */
  static JsonNode resolve(JsonNode document, JsonNode response) {
    String ref = response.path("$ref").asString("");
    if (ref.startsWith("#/components/responses/")) {
      return document
          .path("components")
          .path("responses")
          .path(ref.substring("#/components/responses/".length()));
    }
    return response;
  }
}
