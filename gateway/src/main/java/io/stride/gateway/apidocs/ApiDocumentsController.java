package io.stride.gateway.apidocs;

import io.stride.catalog.Service;
import io.stride.catalog.ServiceCatalog;
import io.stride.gateway.edge.ProblemResponses;
import io.stride.gateway.routing.ServiceUrls;
import io.stride.platform.http.EntityTags;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/openapi.json}: Stride's whole public API as one OpenAPI document, public and
 * cacheable, merged ({@link ApiDocumentMerge}) from each catalog service's own {@code
 * /v3/api-docs}, which the gateway fetches from the services directly and keeps for a minute. When
 * a service cannot be asked, the answer is a 503 problem rather than a document with a hole.
 */
@RestController
class ApiDocumentsController {

  static final String PATH = "/api/v1/openapi.json";
  static final String PAGE = "/api/docs";
  private static final Logger log = LoggerFactory.getLogger(ApiDocumentsController.class);
  private static final Duration KEEP = Duration.ofMinutes(1);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The merged document and its page, made together from one round of fetches. */
  /** Both answers, rendered once, each with its entity tag (a CDN revalidates with it). */
  private record Published(String json, String page, String jsonTag, String pageTag) {

    Published(String json, String page) {
      this(json, page, EntityTags.of(json), EntityTags.of(page));
    }
  }

  private final ServiceCatalog catalog;
  private final Map<String, String> documentUrls = new LinkedHashMap<>();
  private final WebClient client;

  /**
   * One assembly shared by every caller for a minute; a failed one is not kept, so the next request
   * asks again.
   */
  private final Mono<Published> published;

  ApiDocumentsController(ServiceCatalog catalog, ServiceUrls urls) {
    this.catalog = catalog;
    for (Service service : catalog.services()) {
      if (!service.routes().isEmpty()) {
        documentUrls.put(service.name(), urls.of(service) + "/v3/api-docs");
      }
    }
    // a plain client: these calls are the gateway's own, not proxied requests
    this.client = WebClient.builder().build();
    this.published = assemble().cache(done -> KEEP, failed -> Duration.ZERO, () -> Duration.ZERO);
  }

  @GetMapping(PATH)
  Mono<ResponseEntity<String>> document() {
    return published
        .map(both -> ok(both.json(), both.jsonTag(), MediaType.APPLICATION_JSON))
        .onErrorResume(failure -> Mono.just(unavailable(PATH, failure)));
  }

  /** {@code GET /api/docs}: the same document as a page to read, for people. */
  @GetMapping(PAGE)
  Mono<ResponseEntity<String>> page() {
    return published
        .map(
            both ->
                ok(
                    both.page(),
                    both.pageTag(),
                    new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)))
        .onErrorResume(failure -> Mono.just(unavailable(PAGE, failure)));
  }

  /** Asks every service for its document, merges them and renders both answers once. */
  private Mono<Published> assemble() {
    return Flux.fromIterable(List.copyOf(documentUrls.entrySet()))
        .flatMapSequential(
            entry ->
                client
                    .get()
                    .uri(entry.getValue())
                    .retrieve()
                    .bodyToMono(String.class)
                    .timeout(Duration.ofSeconds(5))
                    .map(body -> Map.entry(entry.getKey(), JSON.readTree(body))))
        .collectList()
        .map(
            parts -> {
              Map<String, JsonNode> documents = new LinkedHashMap<>();
              parts.forEach(part -> documents.put(part.getKey(), part.getValue()));
              ObjectNode merged = ApiDocumentMerge.merge(catalog, documents);
              return new Published(JSON.writeValueAsString(merged), ApiDocumentPage.render(merged));
            });
  }

  private static ResponseEntity<String> unavailable(String path, Throwable failure) {
    log.warn("Cannot assemble the API document: {}", failure.toString());
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", ProblemResponses.TYPE_BASE + "service-unavailable");
    problem.put("title", "API document unavailable");
    problem.put("status", 503);
    problem.put(
        "detail",
        "Not every service could be asked for its part of the document; try again in a few"
            + " seconds.");
    problem.put("instance", path);
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "5")
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(JSON.writeValueAsString(problem));
  }

  /**
   * Public and cacheable for 5 minutes, with an entity tag: a conditional GET with a matching
   * {@code If-None-Match} is answered 304 by Spring (ResponseEntity's ETag handling).
   */
  private static ResponseEntity<String> ok(String body, String entityTag, MediaType type) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
        .eTag(entityTag)
        .varyBy(HttpHeaders.ACCEPT_ENCODING)
        .contentType(type)
        .body(body);
  }
}
