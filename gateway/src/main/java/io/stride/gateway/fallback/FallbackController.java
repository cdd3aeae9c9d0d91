package io.stride.gateway.fallback;

import io.stride.gateway.edge.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Where a route's circuit breaker sends requests when the service is down or too slow. */
@RestController
class FallbackController {

  @RequestMapping("/fallback/{service}")
  Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
    exchange.getResponse().getHeaders().set("Retry-After", "5");
    return ProblemResponses.write(
        exchange,
        HttpStatus.SERVICE_UNAVAILABLE,
        "service-unavailable",
        "Service unavailable",
        service.replaceAll("[^a-z-]", "")
            + " is not answering right now; try again in a few seconds. If this request"
            + " changed something, repeat it with the same Idempotency-Key or check first.");
  }
}
