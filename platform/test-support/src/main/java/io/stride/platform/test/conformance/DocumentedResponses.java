package io.stride.platform.test.conformance;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a real answer against the OpenAPI document that describes it: the operation is in the
 * document, its status is declared, its media type is one the answer declares, and a JSON body
 * matches the declared schema (JSON Schema 2020-12 as OpenAPI 3.1 uses it, formats asserted). An
 * answer on a path the document does not describe (sign-in pages, OAuth endpoints, actuator) is no
 * business of the document and passes.
 */
public final class DocumentedResponses {

  private static final String DOCUMENT = "https://stride.test/openapi.json";

  private final JsonNode document;
  private final SchemaRegistry schemas;
  private final List<PathTemplate> paths;

  public DocumentedResponses(JsonNode document) {
    this.document = document;
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
    this.schemas =
        SchemaRegistry.withDefaultDialect(
            Dialects.getOpenApi31(),
            registry ->
                registry
                    .schemaRegistryConfig(config)
                    .schemas(Map.of(DOCUMENT, HttpJson.toJson(document))));
    this.paths =
        document.path("paths").propertyNames().stream()
            .map(PathTemplate::of)
            // a literal segment wins over a variable: /workouts/imports before /workouts/{id}
            .sorted(Comparator.comparingInt(PathTemplate::variables))
            .toList();
  }

  /** Whether the document describes the path this answer came from. */
  public boolean describes(Reply reply) {
    return template(reply.response().request()).isPresent();
  }

  private Optional<PathTemplate> template(HttpRequest request) {
    return paths.stream().filter(path -> path.matches(request.uri().getRawPath())).findFirst();
  }

  /** What is wrong with this answer according to the document; empty when it matches. */
  public List<String> violations(Reply reply) {
    HttpRequest request = reply.response().request();
    String method = request.method().toLowerCase(java.util.Locale.ROOT);
    Optional<PathTemplate> template = template(request);
    if (template.isEmpty()) {
      return List.of();
    }
    String name = request.method() + " " + request.uri().getRawPath() + " " + reply.status();
    JsonNode operation = document.path("paths").path(template.get().template()).path(method);
    if (operation.isMissingNode()) {
      return reply.status() == 405 ? List.of() : List.of(name + ": method not in the document");
    }
    JsonNode responses = operation.path("responses");
    JsonNode declared = responses.path(String.valueOf(reply.status()));
    if (declared.isMissingNode()) {
      declared = responses.path(reply.status() / 100 + "XX");
    }
    if (declared.isMissingNode()) {
      declared = responses.path("default");
    }
    if (declared.isMissingNode()) {
      return List.of(name + ": status not declared (declared: " + responses.propertyNames() + ")");
    }
    JsonNode answer = ApiDocumentRules.resolve(document, declared);
    if (reply.body().isEmpty()) {
      return List.of();
    }
    String media = reply.contentType().split(";")[0].trim();
    JsonNode content = answer.path("content").path(media);
    if (content.isMissingNode()) {
      return List.of(
          name
              + ": media type "
              + media
              + " not declared: "
              + answer.path("content").propertyNames());
    }
    if (!media.endsWith("json") || content.path("schema").isMissingNode()) {
      return List.of();
    }
    List<String> violations = new ArrayList<>();
    for (Error error : schemaOf(content.path("schema")).validate(reply.body(), InputFormat.JSON)) {
      String at = error.getInstanceLocation().toString();
      violations.add(name + ": " + (at.isEmpty() ? "body" : at) + ": " + error.getMessage());
    }
    return violations;
  }

  /** The schema, its local references pointed at the document it came from. */
  private Schema schemaOf(JsonNode schema) {
    JsonNode located = located(schema.deepCopy());
    return schemas.getSchema(SchemaLocation.of(DOCUMENT + "-answer"), located);
  }

  private static JsonNode located(JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isString() && ref.asString().startsWith("#/")) {
        object.put("$ref", DOCUMENT + ref.asString());
      }
      object.properties().forEach(property -> located(property.getValue()));
    } else if (node.isArray()) {
      node.forEach(DocumentedResponses::located);
    }
    return node;
  }

  /** A documented path, {@code /api/v1/workouts/{id}}, as the pattern of the paths it names. */
  private record PathTemplate(String template, Pattern pattern, int variables) {

    static PathTemplate of(String template) {
      StringBuilder regex = new StringBuilder();
      int variables = 0;
      for (String part : template.split("(?=\\{)|(?<=})")) {
        if (part.startsWith("{")) {
          regex.append("[^/]+");
          variables++;
        } else {
          regex.append(Pattern.quote(part));
        }
      }
      return new PathTemplate(template, Pattern.compile(regex.toString()), variables);
    }

    boolean matches(String path) {
      return pattern.matcher(path).matches();
    }
  }
}
