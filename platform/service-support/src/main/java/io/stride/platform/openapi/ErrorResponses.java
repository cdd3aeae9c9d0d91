package io.stride.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Every error answer of every operation, as the platform gives them: one shared {@code Problem}
 * schema (RFC 9457, with {@code errors[]} naming the fields at fault) under {@code
 * application/problem+json}, and the answers each kind of operation can get — 400, 429, 500 and 503
 * always; 401 when it needs a token and 403 when it needs a scope; 404 with a path parameter; 413,
 * 415 and 422 with a request body. An error a controller declares itself (e.g. 409) gets the
 * problem body.
 */
final class ErrorResponses implements OpenApiCustomizer {

  private static final String PROBLEM = "Problem";

  private record Answer(String code, String name, String description) {}

  private static final Answer BAD_REQUEST =
      new Answer(
          "400",
          "BadRequest",
          "The request cannot be read: malformed JSON, an unknown field, a parameter of the wrong"
              + " type, a control character in text, an ambiguous path.");
  private static final Answer UNAUTHORIZED =
      new Answer(
          "401",
          "Unauthorized",
          "No access token, or one that is expired, forged or not meant for this API.");
  private static final Answer FORBIDDEN =
      new Answer("403", "Forbidden", "The access token does not carry the scope this needs.");
  private static final Answer NOT_FOUND =
      new Answer(
          "404",
          "NotFound",
          "Nothing with this id that the caller may see (another athlete's private data"
              + " answers the same).");
  private static final Answer TOO_LARGE =
      new Answer("413", "PayloadTooLarge", "The request body is larger than this operation takes.");
  private static final Answer UNSUPPORTED =
      new Answer("415", "UnsupportedMediaType", "The body is not of a media type listed here.");
  private static final Answer INVALID =
      new Answer(
          "422",
          "UnprocessableContent",
          "The body was read but its values break a rule; errors[] names each field.");
  private static final Answer TOO_MANY =
      new Answer(
          "429", "TooManyRequests", "Rate limit reached; Retry-After says when to try again.");
  private static final Answer INTERNAL =
      new Answer("500", "InternalError", "Something failed on our side; nothing was changed.");
  private static final Answer UNAVAILABLE =
      new Answer(
          "503",
          "ServiceUnavailable",
          "The service is not reachable right now; Retry-After says when to try again.");

  private static final List<Answer> ALL =
      List.of(
          BAD_REQUEST,
          UNAUTHORIZED,
          FORBIDDEN,
          NOT_FOUND,
          TOO_LARGE,
          UNSUPPORTED,
          INVALID,
          TOO_MANY,
          INTERNAL,
          UNAVAILABLE);

  @Override
  public void customise(OpenAPI openApi) {
    Components components = openApi.getComponents();
    if (components == null) {
      components = new Components();
      openApi.setComponents(components);
    }
    components.addSchemas(PROBLEM, problemSchema());
    components.addSchemas("FieldError", fieldErrorSchema());
    for (Answer answer : ALL) {
      components.addResponses(answer.name(), response(answer));
    }
    if (openApi.getPaths() == null) {
      return;
    }
    openApi
        .getPaths()
        .forEach(
            (path, item) -> item.readOperations().forEach(operation -> addErrors(path, operation)));
  }

  private static void addErrors(String path, Operation operation) {
    ApiResponses responses = operation.getResponses();
    if (responses == null) {
      responses = new ApiResponses();
      operation.setResponses(responses);
    }
    responses.forEach(
        (code, response) -> {
          // every error the platform answers is a problem, whatever body springdoc guessed
          if ((code.startsWith("4") || code.startsWith("5")) && response.get$ref() == null) {
            response.setContent(problemContent());
          }
        });
    boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
    boolean scoped =
        operation.getSecurity() != null
            && operation.getSecurity().stream()
                .anyMatch(requirement -> requirement.values().stream().anyMatch(s -> !s.isEmpty()));
    boolean body = operation.getRequestBody() != null;
    List<Answer> wanted = new ArrayList<>();
    wanted.add(BAD_REQUEST);
    if (secured) {
      wanted.add(UNAUTHORIZED);
    }
    if (scoped) {
      wanted.add(FORBIDDEN);
    }
    if (path.contains("{")) {
      wanted.add(NOT_FOUND);
    }
    if (body) {
      wanted.addAll(List.of(TOO_LARGE, UNSUPPORTED, INVALID));
    }
    wanted.addAll(List.of(TOO_MANY, INTERNAL, UNAVAILABLE));
    for (Answer answer : wanted) {
      if (!responses.containsKey(answer.code())) {
        responses.addApiResponse(
            answer.code(), new ApiResponse().$ref("#/components/responses/" + answer.name()));
      }
    }
  }

  private static ApiResponse response(Answer answer) {
    ApiResponse response =
        new ApiResponse().description(answer.description()).content(problemContent());
    if (answer == UNAUTHORIZED) {
      response.addHeaderObject(
          "WWW-Authenticate",
          new Header()
              .description("Bearer, with error=\"invalid_token\" when a token was refused")
              .schema(new StringSchema()));
    }
    if (answer == TOO_MANY || answer == UNAVAILABLE) {
      response.addHeaderObject(
          "Retry-After",
          new Header()
              .description("Whole seconds to wait before trying again")
              .schema(new IntegerSchema().minimum(java.math.BigDecimal.ZERO)));
    }
    return response;
  }

  private static Content problemContent() {
    return new Content()
        .addMediaType(
            org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
  }

  private static Schema<?> problemSchema() {
    Schema<?> schema =
        new ObjectSchema()
            .description(
                "An RFC 9457 problem document. Further members may appear (e.g. OAuth's"
                    + " error).")
            .addProperty(
                "type",
                new StringSchema()
                    .format("uri")
                    .description("What kind of problem; a page that explains it")
                    .example("https://stride.dev/problems/validation"))
            .addProperty(
                "title",
                new StringSchema()
                    .description("The kind of problem in words")
                    .example("Invalid request"))
            .addProperty(
                "status",
                new IntegerSchema()
                    .minimum(java.math.BigDecimal.valueOf(400))
                    .maximum(java.math.BigDecimal.valueOf(599))
                    .example(422))
            .addProperty(
                "detail",
                new StringSchema()
                    .description("What went wrong with this request and what to change")
                    .example("distanceMeters must be at least 0"))
            .addProperty("instance", new StringSchema().format("uri-reference"))
            .addProperty(
                "errors",
                new ArraySchema()
                    .items(new Schema<>().$ref("#/components/schemas/FieldError"))
                    .description("For invalid input: each field at fault"));
    schema.setRequired(List.of("type", "title", "status"));
    return schema;
  }

  private static Schema<?> fieldErrorSchema() {
    Schema<?> schema =
        new ObjectSchema()
            .addProperty(
                "field",
                new StringSchema()
                    .description("The field, parameter or part at fault")
                    .example("distanceMeters"))
            .addProperty(
                "message",
                new StringSchema().description("What is wrong with it").example("must be ≥ 0"));
    schema.setRequired(List.of("field", "message"));
    return schema;
  }
}
