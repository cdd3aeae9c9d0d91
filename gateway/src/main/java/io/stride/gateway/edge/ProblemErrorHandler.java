package io.stride.gateway.edge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Errors raised at the edge itself (no route, body too large, upstream timeout) as problem+json.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements WebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
    String detail = "The gateway could not complete the request.";
    if (error instanceof ResponseStatusException statusError) {
      status = HttpStatus.resolve(statusError.getStatusCode().value());
      if (status == null) {
        status = HttpStatus.BAD_GATEWAY;
      }
      detail = statusError.getReason() != null ? statusError.getReason() : status.getReasonPhrase();
    } else if (error instanceof java.util.concurrent.TimeoutException) {
      status = HttpStatus.GATEWAY_TIMEOUT;
      detail = "The service did not answer in time.";
    } else {
      log.warn("Edge error on {}", exchange.getRequest().getPath(), error);
    }
    String type =
        switch (status) {
          case NOT_FOUND -> "not-found";
          case CONTENT_TOO_LARGE -> "payload-too-large";
          case GATEWAY_TIMEOUT -> "upstream-timeout";
          case METHOD_NOT_ALLOWED -> "method-not-allowed";
          default -> status.is5xxServerError() ? "upstream-error" : "bad-request";
        };
    return ProblemResponses.write(exchange, status, type, status.getReasonPhrase(), detail);
  }
}
