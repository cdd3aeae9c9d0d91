package io.stride.platform.test.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.TestTokens;
import io.stride.platform.test.conformance.ApiOperations.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The rules every Stride service proves once, generated from its own OpenAPI document: bad tokens
 * (none, garbage, forged, expired, wrong issuer, wrong audience, {@code alg=none}) are 401
 * problem+json on every protected operation, a token without the scope is 403, an unknown JSON
 * field on a write is 400, only health, info and prometheus are exposed on the actuator, no error
 * body carries a stack trace, and the document declares its OAuth2 scheme and scopes; plus the
 * bad-input rules of {@link BadInputConformanceTests}. A service's suite extends it once.
 */
public abstract class ServiceConformanceTests extends BadInputConformanceTests {

  private static final Set<String> ACTUATOR_ALLOWED =
      Set.of("self", "health", "health-path", "info", "prometheus");

  @Autowired private HttpJson http;

  private final UUID athlete = UUID.randomUUID();

  @TestFactory
  Stream<DynamicTest> everyProtectedOperationRefusesBadTokensWith401Problems() {
    ApiOperations api = documentedApi();
    TestTokens tokens = TestTokens.get();
    Map<String, String> badTokens = new HashMap<>();
    badTokens.put("garbage", "not-a-jwt");
    badTokens.put("forged", tokens.forged(athlete, scopes()));
    badTokens.put("expired", tokens.expired(athlete, scopes()));
    badTokens.put("wrong issuer", tokens.wrongIssuer(athlete, scopes()));
    badTokens.put("wrong audience", tokens.wrongAudience(athlete, scopes()));
    badTokens.put("alg=none", tokens.unsigned(athlete, scopes()));
    List<DynamicTest> tests = new ArrayList<>();
    for (Operation operation : protectedOperations(api)) {
      badTokens.forEach(
          (kind, token) ->
              tests.add(
                  DynamicTest.dynamicTest(
                      operation.name() + " refuses a " + kind + " token",
                      () -> {
                        Reply reply = call(api, operation, token);
                        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
                        assertDeclared(operation, reply);
                        assertProblem(reply);
                        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
                      })));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyProtectedOperationNeedsAScope() {
    ApiOperations api = documentedApi();
    String unscoped = userToken();
    return protectedOperations(api).stream()
        .map(
            operation ->
                DynamicTest.dynamicTest(
                    operation.name() + " answers 403 to a token without its scope",
                    () -> {
                      Reply reply = call(api, operation, unscoped);
                      assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
                      assertDeclared(operation, reply);
                      assertProblem(reply);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyJsonWriteRefusesUnknownFields() {
    ApiOperations api = documentedApi();
    return api.all().stream()
        .filter(op -> op.isWrite() && op.media() != null && op.media().contains("json"))
        .filter(op -> !api.bodySlots(op).isEmpty())
        .map(
            operation ->
                DynamicTest.dynamicTest(
                    operation.name() + " refuses a field it does not know",
                    () -> {
                      @SuppressWarnings("unchecked")
                      Map<String, Object> body =
                          new HashMap<>((Map<String, Object>) api.body(operation, slot -> null));
                      body.put("isAdmin", true);
                      Reply reply =
                          send(api, operation, tokenFor(operation), HttpJson.toJson(body));
                      assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
                      assertDeclared(operation, reply);
                      assertProblem(reply);
                      assertThat(reply.body()).contains("isAdmin");
                    }));
  }

  @Test
  void theActuatorExposesOnlyHealthInfoAndPrometheus() {
    Reply index = http.get("/actuator", null);
    if (index.status() == 200) {
      List<String> links = new ArrayList<>(index.json().path("_links").propertyNames());
      assertThat(links)
          .allMatch(link -> ACTUATOR_ALLOWED.contains(link) || link.startsWith("health"));
    }
    for (String hidden :
        List.of(
            "env",
            "beans",
            "configprops",
            "heapdump",
            "threaddump",
            "loggers",
            "mappings",
            "shutdown")) {
      Reply reply = http.get("/actuator/" + hidden, null);
      if (reply.status() == 302) {
        // a service with a browser sign-in (auth) sends the anonymous to its sign-in page
        assertThat(reply.header("Location")).as("/actuator/" + hidden).endsWith("/login");
      } else {
        assertThat(reply.status()).as("/actuator/" + hidden).isIn(401, 403, 404);
      }
    }
    assertThat(http.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(200);
    assertThat(http.get("/actuator/prometheus", null).body()).contains("_bucket{");
  }

  @Test
  void errorsAreProblemsWithoutStackTraces() {
    ApiOperations api = documentedApi();
    List<Reply> replies = new ArrayList<>();
    replies.add(
        http.get(
            "/api/v1/no-such-resource-" + UUID.randomUUID(),
            TestTokens.get().forUser(athlete, scopes())));
    api.all().stream()
        .filter(op -> op.isWrite() && op.media() != null && op.media().contains("json"))
        .forEach(
            operation -> replies.add(send(api, operation, tokenFor(operation), "{\"broken\": ")));
    for (Reply reply : replies) {
      assertThat(reply.status()).as(reply.toString()).isBetween(400, 499);
      assertProblem(reply);
    }
  }

  @Test
  void theOpenApiDocumentDeclaresItsOAuth2SchemeAndScopes() {
    JsonNode document = http.get("/v3/api-docs", null).json();
    JsonNode schemes = document.path("components").path("securitySchemes");
    assertThat(schemes.propertyNames()).as("security schemes").isNotEmpty();
    JsonNode scheme = schemes.path(schemes.propertyNames().iterator().next());
    assertThat(scheme.path("type").asString()).isEqualTo("oauth2");
    Set<String> declared =
        Set.copyOf(scheme.path("flows").path("authorizationCode").path("scopes").propertyNames());
    if (scopes().length > 0) { // a service with public reads only defines none
      assertThat(declared).contains(scopes());
    }
    assertThat(document.path("security").isEmpty()).as("operations require the scheme").isFalse();
  }

  @Test
  void theOpenApiDocumentIsValidOpenApiThatAGeneratedClientCanUse() {
    Reply reply = http.get("/v3/api-docs", null);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(reply.body(), null, null);
    assertThat(parsed.getMessages()).as("swagger-parser validation").isEmpty();
    assertThat(ApiDocumentRules.violations(reply.json())).as("Stride's document rules").isEmpty();
  }

  private ApiOperations documentedApi() {
    return new ApiOperations(http.get("/v3/api-docs", null).json());
  }

  /** Operations under /api/ that answer 401 without a token. */
  private List<Operation> protectedOperations(ApiOperations api) {
    return api.all().stream()
        .filter(operation -> operation.path().startsWith("/api/"))
        .filter(operation -> call(api, operation, null).status() == 401)
        .toList();
  }

  private Reply call(ApiOperations api, Operation operation, String token) {
    String body =
        operation.bodySchema() != null
                && operation.media() != null
                && operation.media().contains("json")
            ? HttpJson.toJson(api.body(operation, slot -> null))
            : null;
    return send(api, operation, token, body);
  }

  private Reply send(ApiOperations api, Operation operation, String token, String json) {
    HttpRequest.Builder request = http.request(api.url(operation, Map.of()), token);
    if (json != null) {
      request
          .header("Content-Type", "application/json")
          .method(operation.method().toUpperCase(), HttpRequest.BodyPublishers.ofString(json));
    } else {
      request.method(operation.method().toUpperCase(), HttpRequest.BodyPublishers.noBody());
    }
    return http.send(request.build());
  }

  private static void assertProblem(Reply reply) {
    assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
    assertThat(reply.body())
        .as("no stack trace")
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("\\tat ");
  }
}
