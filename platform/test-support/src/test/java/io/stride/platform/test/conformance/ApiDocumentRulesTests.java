package io.stride.platform.test.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.HttpJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApiDocumentRulesTests {

  /** A valid one-operation document whose request body schema is {@code Body}. */
  private static JsonNode document(String bodySchema) {
    return HttpJson.parse(
        """
        {"openapi": "3.1.0",
         "info": {"title": "T", "description": "D", "version": "1.0.0",
                  "contact": {"name": "c"}, "license": {"name": "Apache-2.0"}},
         "servers": [{"url": "http://localhost:8080", "description": "Stride gateway"}],
         "paths": {"/things": {"post": {
           "operationId": "createThing", "tags": ["Things"], "security": [],
           "requestBody": {"content": {"application/json":
             {"schema": {"$ref": "#/components/schemas/Body"}}}},
           "responses": {"201": {"description": "Created"},
             "400": {"description": "Bad", "content": {"application/problem+json":
               {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
         "components": {"schemas": {
           "Problem": {"type": "object"},
           "Kind": {"type": "string", "enum": ["a", "b"]},
           "Part": {"type": "object", "properties": {"at": {"type": "string", "example": "x"}}},
           "Body": %s}}}
        """
            .formatted(bodySchema));
  }

  @Test
  void everyFieldOfARequestBodyHasAnExampleOrIsAClosedSet() {
    JsonNode complete =
        document(
            """
            {"type": "object", "properties": {
              "name": {"type": "string", "example": "Ada"},
              "kind": {"$ref": "#/components/schemas/Kind"},
              "maybe": {"anyOf": [{"$ref": "#/components/schemas/Kind"}, {"type": "null"}]},
              "parts": {"type": "array", "items": {"$ref": "#/components/schemas/Part"}}}}
            """);
    assertThat(ApiDocumentRules.violations(complete)).isEmpty();
  }

  @Test
  void aRequestFieldWithoutAnExampleIsNamedWithItsPath() {
    JsonNode missing =
        document(
            """
            {"type": "object", "properties": {
              "name": {"type": "string"},
              "parts": {"type": "array", "items": {"type": "object",
                "properties": {"when": {"type": "string", "format": "date-time"}}}}}}
            """);
    assertThat(ApiDocumentRules.violations(missing))
        .containsExactlyInAnyOrder(
            "POST /things request.name: no example",
            "POST /things request.parts[].when: no example");
  }
}
