package io.stride.system;

import io.stride.platform.test.HttpJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The committed copy of the gateway's API document, {@code docs/api/openapi.json}: what client
 * developers read and generate from without running Stride, and what the build generates its own
 * client from. It names the local gateway as the server, whatever port the test stack used.
 */
final class ApiSnapshot {

  static final String RELATIVE_PATH = "docs/api/openapi.json";
  static final String UPDATE_PROPERTY = "stride.api.snapshot.update";
  private static final String LOCAL_GATEWAY = "http://localhost:8080";
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ApiSnapshot() {}

  /**
   * The served document as the snapshot holds it: every URL of the test stack's gateway (the
   * server, the OAuth2 endpoints, links in descriptions) written as the local gateway's.
   */
  static JsonNode asCommitted(JsonNode served) {
    String origin = served.path("servers").path(0).path("url").asString();
    JsonNode copy = served.deepCopy();
    return origin.isEmpty() || origin.equals(LOCAL_GATEWAY) ? copy : rebased(copy, origin);
  }

  private static JsonNode rebased(JsonNode node, String origin) {
    if (node.isString() && node.asString().contains(origin)) {
      return JSON.getNodeFactory().stringNode(node.asString().replace(origin, LOCAL_GATEWAY));
    }
    if (node instanceof ObjectNode object) {
      for (String name : List.copyOf(object.propertyNames())) {
        object.set(name, rebased(object.get(name), origin));
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, rebased(array.get(i), origin));
      }
    }
    return node;
  }

  static JsonNode read(Path repositoryRoot) {
    try {
      return HttpJson.parse(Files.readString(repositoryRoot.resolve(RELATIVE_PATH)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path repositoryRoot, JsonNode document) {
    try {
      Path file = repositoryRoot.resolve(RELATIVE_PATH);
      Files.createDirectories(file.getParent());
      Files.writeString(file, JSON.writeValueAsString(document) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
