package io.stride.system;

import io.stride.platform.test.HttpJson;
import io.stride.platform.test.LocalPrometheus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Stride's Grafana dashboards (observability/grafana/dashboards) read as Grafana would: every
 * panel's query, with the dashboard variables and {@code $__rate_interval} filled in, sent to a
 * real Prometheus. Grafana itself is not installable here; this is what proves a panel is real.
 */
final class Dashboards {

  /** One query of one panel, ready for Prometheus. */
  record Query(String dashboard, String panel, String promql) {}

  private Dashboards() {}

  /** Every panel query of every dashboard, once for each value of {@code $service}. */
  static List<Query> queries(Path dashboards, List<String> services) {
    List<Query> queries = new ArrayList<>();
    try (Stream<Path> files = Files.list(dashboards)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode dashboard = HttpJson.parse(Files.readString(file));
        String title = dashboard.get("title").asString();
        for (JsonNode panel : dashboard.get("panels")) {
          for (JsonNode target : panel.path("targets")) { // a row has none
            if (!"prometheus".equals(datasourceType(panel, target))) {
              continue; // Loki and Tempo are compose's and Kubernetes', not installable here
            }
            String expr = target.get("expr").asString().replace("$__rate_interval", "1m");
            List<String> values = expr.contains("$service") ? services : List.of("");
            for (String service : values) {
              queries.add(
                  new Query(
                      title,
                      panel.get("title").asString()
                          + (service.isEmpty() ? "" : " [" + service + "]"),
                      expr.replace("$service", service)));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return queries;
  }

  private static String datasourceType(JsonNode panel, JsonNode target) {
    JsonNode datasource =
        target.has("datasource") ? target.get("datasource") : panel.get("datasource");
    return datasource.path("type").asString();
  }

  /** The queries Prometheus refuses or answers with no series, each with what went wrong. */
  static List<String> withoutData(LocalPrometheus prometheus, List<Query> queries) {
    List<String> failures = new ArrayList<>();
    for (Query query : queries) {
      try {
        if (prometheus.query(query.promql()).isEmpty()) {
          failures.add(
              query.dashboard() + " / " + query.panel() + ": no data for " + query.promql());
        }
      } catch (IllegalArgumentException refused) {
        failures.add(query.dashboard() + " / " + query.panel() + ": " + refused.getMessage());
      }
    }
    return failures;
  }
}
