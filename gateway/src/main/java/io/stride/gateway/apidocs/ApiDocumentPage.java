package io.stride.gateway.apidocs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * Stride's API document as one plain page: each service with its summary, then its operations
 * grouped by tag with method, path, summary and the scopes that are enough. No script and nothing
 * from elsewhere, so the gateway's Content Security Policy lets it render, on a phone too.
 */
final class ApiDocumentPage {

  private ApiDocumentPage() {}

  private record Entry(String method, String path, JsonNode operation) {}

  static String render(JsonNode document) {
    Map<String, Map<String, List<Entry>>> byService = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
        JsonNode operation = method.getValue();
        String service = operation.path("x-stride-service").asString("");
        String tag = operation.path("tags").path(0).asString("Other");
        byService
            .computeIfAbsent(service, s -> new LinkedHashMap<>())
            .computeIfAbsent(tag, t -> new ArrayList<>())
            .add(new Entry(method.getKey().toUpperCase(), path.getKey(), operation));
      }
    }
    JsonNode info = document.path("info");
    StringBuilder html = new StringBuilder(8192);
    html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Stride API reference</title><style>")
        .append("body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;")
        .append("padding:1rem;color:#1a1a1a}code{font-size:.9em}")
        .append("table{border-collapse:collapse;width:100%}td,th{text-align:left;")
        .append("padding:.3rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}")
        .append(".m{font-weight:600;color:#0b4f8a}</style></head><body><main>")
        .append("<h1>Stride API reference</h1><p>Version ")
        .append(text(info.path("version").asString("")))
        .append(". Machine-readable: <a href=\"/api/v1/openapi.json\">OpenAPI document</a>")
        .append(" (generate a client from it).</p><p>")
        .append(text(info.path("summary").asString("")))
        .append("</p>");
    byService.forEach(
        (service, tags) -> {
          html.append("<section><h2 id=\"")
              .append(text(service))
              .append("\">")
              .append(text(service))
              .append("</h2>");
          tags.forEach(
              (tag, entries) -> {
                html.append("<h3>")
                    .append(text(tag))
                    .append("</h3><table><thead><tr>")
                    .append("<th scope=\"col\">Operation</th><th scope=\"col\">What it does</th>")
                    .append("<th scope=\"col\">Scopes (any one)</th></tr></thead><tbody>");
                for (Entry entry : entries) {
                  html.append("<tr><td><span class=\"m\">")
                      .append(entry.method())
                      .append("</span> <code>")
                      .append(text(entry.path()))
                      .append("</code></td><td>")
                      .append(text(entry.operation().path("summary").asString("")))
                      .append("</td><td>")
                      .append(text(scopes(entry.operation())))
                      .append("</td></tr>");
                }
                html.append("</tbody></table>");
              });
          html.append("</section>");
        });
    return html.append("</main></body></html>").toString();
  }

  private static String scopes(JsonNode operation) {
    JsonNode security = operation.path("security");
    if (security.isArray() && security.isEmpty()) {
      return "public";
    }
    List<String> scopes = new ArrayList<>();
    for (JsonNode requirement : security) {
      requirement.forEach(list -> list.forEach(scope -> scopes.add(scope.asString())));
    }
    return scopes.isEmpty() ? "any access token" : String.join(", ", scopes);
  }

  private static String text(String value) {
    return HtmlUtils.htmlEscape(value);
  }
}
