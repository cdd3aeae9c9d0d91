package io.stride.platform.test.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.stride.platform.test.HttpJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real HTTP answers from a small server, checked against a small OpenAPI 3.1 document. */
class DocumentedResponsesTests {

  private static final String DOCUMENT =
      """
      {"openapi": "3.1.0", "paths": {
        "/api/v1/runs/{id}": {"get": {"responses": {
          "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Run"}}}},
          "404": {"$ref": "#/components/responses/NotFound"}}}},
        "/api/v1/runs/latest": {"get": {"responses": {
          "200": {"content": {"application/json": {"schema": {"type": "array",
            "items": {"$ref": "#/components/schemas/Run"}}}}}}}}},
       "components": {
        "schemas": {"Run": {"type": "object", "required": ["id", "title"], "properties": {
          "id": {"type": "string", "format": "uuid"},
          "title": {"type": "string"},
          "notes": {"type": ["string", "null"]}}}},
        "responses": {"NotFound": {"content": {"application/problem+json": {"schema": {
          "type": "object", "required": ["status"]}}}}}}}
      """;

  private static final Map<String, Answer> ANSWERS =
      Map.of(
          "/api/v1/runs/6f1c1d9e-0b1a-4d5e-9a43-3c0b8f2a9e11",
          new Answer(
              200,
              "application/json",
              "{\"id\": \"6f1c1d9e-0b1a-4d5e-9a43-3c0b8f2a9e11\", \"title\": \"Run\", \"notes\":"
                  + " null}"),
          "/api/v1/runs/untitled",
          new Answer(200, "application/json", "{\"id\": \"not-a-uuid\", \"notes\": 5}"),
          "/api/v1/runs/missing",
          new Answer(404, "application/problem+json", "{\"status\": 404}"),
          "/api/v1/runs/teapot",
          new Answer(418, "application/json", "{}"),
          "/api/v1/runs/as-text",
          new Answer(200, "text/plain", "a run"),
          "/api/v1/runs/latest",
          new Answer(
              200, "application/json", "[{\"id\": \"6f1c1d9e-0b1a-4d5e-9a43-3c0b8f2a9e11\"}]"),
          "/login",
          new Answer(200, "text/html", "<html></html>"));

  private record Answer(int status, String type, String body) {}

  private static HttpServer server;
  private static HttpJson http;
  private static DocumentedResponses documented;

  @BeforeAll
  static void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          Answer answer = ANSWERS.get(exchange.getRequestURI().getPath());
          byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", answer.type());
          exchange.sendResponseHeaders(answer.status(), body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    http = new HttpJson("http://127.0.0.1:" + server.getAddress().getPort());
    documented = new DocumentedResponses(HttpJson.parse(DOCUMENT));
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @Test
  void anAnswerThatMatchesItsSchemaPasses() {
    assertThat(
            documented.violations(
                http.get("/api/v1/runs/6f1c1d9e-0b1a-4d5e-9a43-3c0b8f2a9e11", null)))
        .isEmpty();
    assertThat(documented.violations(http.get("/api/v1/runs/missing", null))).isEmpty();
  }

  @Test
  void aMissingRequiredFieldAWrongTypeAndAWrongFormatAreEachNamed() {
    assertThat(documented.violations(http.get("/api/v1/runs/untitled", null)))
        .anySatisfy(violation -> assertThat(violation).contains("title"))
        .anySatisfy(violation -> assertThat(violation).contains("/notes: "))
        .anySatisfy(violation -> assertThat(violation).contains("/id: "));
  }

  @Test
  void aLiteralPathIsCheckedAgainstItsOwnOperationNotTheTemplate() {
    assertThat(documented.violations(http.get("/api/v1/runs/latest", null)))
        .singleElement()
        .satisfies(violation -> assertThat(violation).contains("/0: ", "title"));
  }

  @Test
  void anUndeclaredStatusOrMediaTypeIsAViolation() {
    assertThat(documented.violations(http.get("/api/v1/runs/teapot", null)))
        .singleElement()
        .satisfies(violation -> assertThat(violation).contains("418", "not declared"));
    assertThat(documented.violations(http.get("/api/v1/runs/as-text", null)))
        .singleElement()
        .satisfies(violation -> assertThat(violation).contains("text/plain"));
  }

  @Test
  void aPathTheDocumentDoesNotDescribeIsNoneOfItsBusiness() {
    HttpJson.Reply signIn = http.get("/login", null);
    assertThat(documented.describes(signIn)).isFalse();
    assertThat(documented.violations(signIn)).isEmpty();
  }
}
