package io.stride.gateway.edge;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem documents from the edge, where no controller is involved. */
public final class ProblemResponses {

  public static final String TYPE_BASE = "https://stride.dev/problems/";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemResponses() {}

  public static Mono<Void> write(
      ServerWebExchange exchange, HttpStatus status, String type, String title, String detail) {
    var response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.empty();
    }
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", TYPE_BASE + type);
    problem.put("title", title);
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", exchange.getRequest().getPath().value());
    DataBuffer buffer = response.bufferFactory().wrap(JSON.writeValueAsBytes(problem));
    return response.writeWith(Mono.just(buffer));
  }
}
