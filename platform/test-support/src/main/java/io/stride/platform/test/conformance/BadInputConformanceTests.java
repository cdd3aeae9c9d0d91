package io.stride.platform.test.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.Multipart;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestTokens;
import io.stride.platform.test.conformance.ApiOperations.Operation;
import io.stride.platform.test.conformance.ApiOperations.Slot;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The classes of bad input every Stride service refuses with a 400/422 problem naming the field,
 * never a 500, generated for every operation of the service under test from its own OpenAPI
 * document: a control character (NUL) in every text field and text query parameter of every write,
 * an instant or date far out of range in every such field or query parameter of every operation,
 * and a multipart upload without a boundary. A service's test suite runs it once by extending it
 * and naming the scopes its endpoints need.
 */
@StrideIntegrationTest
public abstract class BadInputConformanceTests {

  private static final Set<String> TIMES = Set.of("date-time", "local-date-time", "date");

  @Autowired private HttpJson http;

  private final UUID athlete = UUID.randomUUID();
  private final Map<String, Boolean> isPublic = new java.util.HashMap<>();
  private ApiOperations documented;

  /** Scopes a token needs to reach every endpoint of the service under test. */
  protected abstract String[] scopes();

  /**
   * The token an operation is called with: none for a public operation (one that does not answer
   * 401 without a token), since a resource server rightly refuses any token it did not issue, and a
   * valid one with the service's scopes otherwise.
   */
  protected String tokenFor(Operation operation) {
    boolean open =
        isPublic.computeIfAbsent(
            operation.name(),
            name ->
                http.send(
                            http.request(operations().url(operation, Map.of()), null)
                                .method(
                                    operation.method().toUpperCase(),
                                    HttpRequest.BodyPublishers.noBody())
                                .build())
                        .status()
                    != 401);
    return open ? null : userToken(scopes());
  }

  /**
   * A valid user token the service under test accepts, with the given scopes (none: a token without
   * any of the service's scopes). From {@link TestTokens}; a service that is its own issuer (auth)
   * overrides this with a token from a real sign-in.
   */
  protected String userToken(String... scopes) {
    return TestTokens.get().forUser(athlete, scopes);
  }

  private ApiOperations operations() {
    if (documented == null) {
      Reply docs = http.get("/v3/api-docs", null);
      assertThat(docs.status()).as("the service serves its OpenAPI document").isEqualTo(200);
      documented = new ApiOperations(docs.json());
    }
    return documented;
  }

  @TestFactory
  Stream<DynamicTest> everyTextFieldOfEveryWriteRefusesControlCharacters() {
    ApiOperations api = operations();
    List<DynamicTest> tests = new ArrayList<>();
    for (Operation operation : api.all()) {
      if (!operation.isWrite()) {
        continue;
      }
      if (isJson(operation)) {
        for (Slot slot : api.bodySlots(operation)) {
          if (slot.kind().equals("string")) {
            tests.add(
                bodyTest(api, operation, slot, "Ada\u0000Lovelace", "refuses NUL in " + slot));
          }
        }
      }
      for (Slot slot : api.querySlots(operation)) {
        if (slot.kind().equals("string")) {
          tests.add(queryTest(api, operation, slot, "x\u0000y", "refuses NUL in ?" + slot));
        }
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyInstantAndDateRefusesValuesOutOfRange() {
    ApiOperations api = operations();
    List<DynamicTest> tests = new ArrayList<>();
    for (Operation operation : api.all()) {
      if (operation.isWrite() && isJson(operation)) {
        for (Slot slot : api.bodySlots(operation)) {
          if (TIMES.contains(slot.kind())) {
            tests.add(bodyTest(api, operation, slot, farOut(slot), "refuses year 1e9 in " + slot));
          }
        }
      }
      for (Slot slot : api.querySlots(operation)) {
        if (TIMES.contains(slot.kind())) {
          tests.add(queryTest(api, operation, slot, farOut(slot), "refuses year 1e9 in ?" + slot));
        }
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyMultipartUploadRefusesABodyWithoutBoundary() {
    ApiOperations api = operations();
    return api.all().stream()
        .filter(operation -> "multipart/form-data".equals(operation.media()))
        .map(
            operation ->
                DynamicTest.dynamicTest(
                    operation.name() + " refuses multipart without a boundary",
                    () -> {
                      Reply reply =
                          http.send(
                              http.request(api.url(operation, Map.of()), tokenFor(operation))
                                  .header("Content-Type", "multipart/form-data")
                                  .method(
                                      operation.method().toUpperCase(),
                                      HttpRequest.BodyPublishers.ofString("--x\r\n\r\nbody"))
                                  .build());
                      assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
                      assertDeclared(operation, reply);
                      assertThat(reply.contentType()).startsWith("application/problem+json");
                      assertThat(reply.json().path("detail").asString()).contains("boundary");
                    }));
  }

  private DynamicTest bodyTest(
      ApiOperations api, Operation operation, Slot target, Object value, String behaviour) {
    return DynamicTest.dynamicTest(
        operation.name() + " " + behaviour,
        () -> {
          Object body = api.body(operation, slot -> slot.equals(target) ? value : null);
          HttpRequest request =
              http.request(api.url(operation, Map.of()), tokenFor(operation))
                  .header("Content-Type", "application/json")
                  .method(
                      operation.method().toUpperCase(),
                      HttpRequest.BodyPublishers.ofString(HttpJson.toJson(body)))
                  .build();
          assertRefusedNaming(operation, http.send(request), target.field());
        });
  }

  private DynamicTest queryTest(
      ApiOperations api, Operation operation, Slot target, String value, String behaviour) {
    return DynamicTest.dynamicTest(
        operation.name() + " " + behaviour,
        () -> {
          String url = api.url(operation, Map.of(target.field(), value));
          if ("multipart/form-data".equals(operation.media())) {
            byte[] file = "<gpx/>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertRefusedNaming(
                operation,
                http.send(
                    Multipart.fileUpload(http, url, tokenFor(operation), "a.gpx", file, Map.of())),
                target.field());
            return;
          }
          HttpRequest.Builder request = http.request(url, tokenFor(operation));
          if (operation.bodySchema() != null && isJson(operation)) {
            request
                .header("Content-Type", "application/json")
                .method(
                    operation.method().toUpperCase(),
                    HttpRequest.BodyPublishers.ofString(
                        HttpJson.toJson(api.body(operation, slot -> null))));
          } else {
            request.method(operation.method().toUpperCase(), HttpRequest.BodyPublishers.noBody());
          }
          assertRefusedNaming(operation, http.send(request.build()), target.field());
        });
  }

  /** The status of an answer the conformance calls received is one the document declares. */
  static void assertDeclared(Operation operation, Reply reply) {
    JsonNode responses = operation.spec().path("responses");
    assertThat(responses.has(String.valueOf(reply.status())) || responses.has("default"))
        .as(
            operation.name()
                + " answered "
                + reply.status()
                + ", which its document does not declare")
        .isTrue();
  }

  private static void assertRefusedNaming(Operation operation, Reply reply, String field) {
    assertDeclared(operation, reply);
    assertThat(reply.status()).as(reply.toString()).isIn(400, 422);
    assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
    JsonNode errors = reply.json().path("errors");
    List<String> named = new ArrayList<>();
    errors.forEach(error -> named.add(error.path("field").asString()));
    assertThat(named).as(reply.toString()).contains(field);
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\\u0000");
  }

  private static boolean isJson(Operation operation) {
    return operation.media() != null && operation.media().contains("json");
  }

  private static String farOut(Slot slot) {
    return switch (slot.kind()) {
      case "date" -> "+999999999-01-01";
      case "local-date-time" -> "+1000000000-01-01T00:00:00";
      default -> "+1000000000-01-01T00:00:00Z";
    };
  }
}
