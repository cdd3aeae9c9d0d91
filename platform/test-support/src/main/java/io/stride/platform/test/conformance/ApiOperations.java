package io.stride.platform.test.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations of a service as its own OpenAPI document describes them, with what it takes to
 * call each one: a plausible JSON body built from the request schema, and every place in it (or in
 * the query) where a value of a given kind goes. New endpoints are covered without naming them.
 */
final class ApiOperations {

  private static final Set<String> WRITES = Set.of("post", "put", "patch");
  private static final int MAX_DEPTH = 6;

  private final JsonNode document;

  ApiOperations(JsonNode document) {
    this.document = document;
  }

  /** One operation: method, path template, its parameters and its request body, if any. */
  record Operation(String method, String path, JsonNode spec, JsonNode bodySchema, String media) {

    boolean isWrite() {
      return WRITES.contains(method);
    }

    String name() {
      return method.toUpperCase() + " " + path;
    }
  }

  /** A value to put at {@code field} (a JSON path as problem answers word it: a.b[0]). */
  record Slot(String field, String kind) {}

  /**
   * Every operation called with a token or none. Not those marked {@code x-stride-signed} (a
   * partner signs each request with a secret of its own, which this harness cannot): their service
   * tests them signed and unsigned.
   */
  List<Operation> all() {
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
        if (method.getValue().path("x-stride-signed").asBoolean(false)) {
          continue;
        }
        JsonNode content = method.getValue().path("requestBody").path("content");
        String media = content.propertyNames().stream().findFirst().orElse(null);
        JsonNode schema = media == null ? null : content.path(media).path("schema");
        operations.add(
            new Operation(method.getKey(), path.getKey(), method.getValue(), schema, media));
      }
    }
    return operations;
  }

  /** The operation's URL with path parameters filled and the given query values (plus fillers). */
  String url(Operation operation, Map<String, String> query) {
    String url = operation.path();
    Map<String, String> params = new LinkedHashMap<>();
    for (JsonNode parameter : operation.spec().path("parameters")) {
      String name = parameter.path("name").asString();
      JsonNode schema = resolve(parameter.path("schema"));
      switch (parameter.path("in").asString()) {
        case "path" -> url = url.replace("{" + name + "}", fillerText(schema));
        case "query" -> {
          if (query.containsKey(name)) {
            params.put(name, query.get(name));
          } else if (parameter.path("required").asBoolean(false) && isScalar(schema)) {
            params.put(name, fillerText(schema));
          }
        }
        default -> {}
      }
    }
    StringBuilder out = new StringBuilder(url);
    params.forEach(
        (name, value) ->
            out.append(out.indexOf("?") < 0 ? '?' : '&')
                .append(name)
                .append('=')
                .append(
                    java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
    return out.toString();
  }

  /** Query parameters of a scalar kind ({@code string}, {@code date-time}, {@code date}). */
  List<Slot> querySlots(Operation operation) {
    List<Slot> slots = new ArrayList<>();
    for (JsonNode parameter : operation.spec().path("parameters")) {
      JsonNode schema = resolve(parameter.path("schema"));
      if (parameter.path("in").asString().equals("query") && isScalar(schema)) {
        slots.add(new Slot(parameter.path("name").asString(), kind(schema)));
      }
    }
    return slots;
  }

  /** Every leaf of the body schema with its kind. */
  List<Slot> bodySlots(Operation operation) {
    List<Slot> slots = new ArrayList<>();
    collect(operation.bodySchema(), "", slots, 0);
    return slots;
  }

  /** A plausible body, with {@code replace} deciding the value of each leaf (null keeps it). */
  Object body(Operation operation, Function<Slot, Object> replace) {
    return build(operation.bodySchema(), "", replace, 0);
  }

  private void collect(JsonNode schema, String field, List<Slot> slots, int depth) {
    schema = concrete(resolve(schema));
    if (schema == null || depth > MAX_DEPTH) {
      return;
    }
    switch (type(schema)) {
      case "object" -> {
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
          collect(property.getValue(), join(field, property.getKey()), slots, depth + 1);
        }
        if (schema.path("additionalProperties").isObject()) {
          collect(schema.path("additionalProperties"), join(field, "key"), slots, depth + 1);
        }
      }
      case "array" -> collect(schema.path("items"), field + "[0]", slots, depth + 1);
      default -> slots.add(new Slot(field, kind(schema)));
    }
  }

  private Object build(JsonNode schema, String field, Function<Slot, Object> replace, int depth) {
    schema = concrete(resolve(schema));
    if (schema == null || depth > MAX_DEPTH) {
      return null;
    }
    switch (type(schema)) {
      case "object" -> {
        Map<String, Object> object = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
          object.put(
              property.getKey(),
              build(property.getValue(), join(field, property.getKey()), replace, depth + 1));
        }
        if (schema.path("additionalProperties").isObject()) {
          object.put(
              "key",
              build(schema.path("additionalProperties"), join(field, "key"), replace, depth + 1));
        }
        return object;
      }
      case "array" -> {
        return List.of(build(schema.path("items"), field + "[0]", replace, depth + 1));
      }
      default -> {
        Slot slot = new Slot(field, kind(schema));
        Object replaced = replace.apply(slot);
        return replaced != null ? replaced : filler(schema);
      }
    }
  }

  /**
   * A polymorphic schema ({@code oneOf}, with a discriminator) as its first alternative: the
   * alternative's properties (its own and those of its {@code allOf} parts but the polymorphic
   * parent) and the discriminator set to the alternative's name, so the body is one a server
   * accepts. Any other schema as it is.
   */
  private JsonNode concrete(JsonNode schema) {
    if (schema == null || !schema.path("oneOf").isArray() || schema.path("oneOf").isEmpty()) {
      return schema;
    }
    JsonNode first = schema.path("oneOf").get(0);
    ObjectNode properties = JsonNodeFactory.instance.objectNode();
    JsonNode alternative = resolve(first);
    List<JsonNode> parts = new ArrayList<>();
    parts.add(alternative);
    alternative.path("allOf").forEach(part -> parts.add(resolve(part)));
    for (JsonNode part : parts) {
      if (part != null && !part.path("oneOf").isArray()) {
        part.path("properties").properties().forEach(p -> properties.set(p.getKey(), p.getValue()));
      }
    }
    String discriminator = schema.path("discriminator").path("propertyName").asString("");
    if (!discriminator.isEmpty()) {
      String ref = first.path("$ref").asString("");
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      for (Map.Entry<String, JsonNode> mapping :
          schema.path("discriminator").path("mapping").properties()) {
        if (mapping.getValue().asString("").equals(ref)) {
          name = mapping.getKey();
        }
      }
      ObjectNode tag = JsonNodeFactory.instance.objectNode().put("type", "string");
      tag.putArray("enum").add(name);
      properties.set(discriminator, tag);
    }
    ObjectNode object = JsonNodeFactory.instance.objectNode().put("type", "object");
    object.set("properties", properties);
    return object;
  }

  private JsonNode resolve(JsonNode schema) {
    if (schema == null || schema.isMissingNode()) {
      return null;
    }
    String ref = schema.path("$ref").asString("");
    if (ref.startsWith("#/components/schemas/")) {
      return document
          .path("components")
          .path("schemas")
          .path(ref.substring("#/components/schemas/".length()));
    }
    JsonNode allOf = schema.path("allOf");
    if (allOf.isArray() && allOf.size() == 1) {
      return resolve(allOf.get(0));
    }
    // a nullable reference: anyOf [the reference, null]
    for (JsonNode either : schema.path("anyOf")) {
      if (!"null".equals(type(either))) {
        return resolve(either);
      }
    }
    return schema;
  }

  /** The schema's type; of a nullable one ({@code [type, "null"]}) the type that is not null. */
  private static String type(JsonNode schema) {
    JsonNode declared = schema.path("type");
    String type = declared.asString("");
    for (JsonNode each : declared.isArray() ? declared : List.<JsonNode>of()) {
      if (!each.asString("").equals("null")) {
        type = each.asString();
      }
    }
    if (type.isEmpty() && schema.path("properties").isObject()) {
      return "object";
    }
    return type;
  }

  private static boolean isScalar(JsonNode schema) {
    return schema != null && !type(schema).equals("object") && !type(schema).equals("array");
  }

  /**
   * {@code date-time}, {@code local-date-time}, {@code date}, {@code uuid}, {@code enum}, {@code
   * string}, or the type.
   */
  private static String kind(JsonNode schema) {
    String type = type(schema);
    if (type.equals("string")) {
      String format = schema.path("format").asString("");
      if (!format.isEmpty()) {
        return format;
      }
      return schema.path("enum").isArray() ? "enum" : "string";
    }
    return type;
  }

  private static Object filler(JsonNode schema) {
    if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
      return schema.path("enum").get(0).asString();
    }
    return switch (kind(schema)) {
      case "date-time" -> "2026-05-01T07:30:00Z";
      case "local-date-time" -> "2026-05-01T07:30:00";
      case "date" -> "1990-05-01";
      case "time" -> "07:30";
      case "uuid" -> UUID.randomUUID().toString();
      case "integer" -> Math.max(1, schema.path("minimum").asLong(1));
      case "number" -> Math.max(1, schema.path("minimum").asDouble(1));
      case "boolean" -> Boolean.TRUE;
      default -> "x";
    };
  }

  private static String fillerText(JsonNode schema) {
    return schema == null ? "x" : String.valueOf(filler(schema));
  }

  private static String join(String parent, String child) {
    return parent.isEmpty() ? child : parent + "." + child;
  }
}
