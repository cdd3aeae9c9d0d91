package io.stride.drills;

import io.stride.infra.ManagedProcess;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An nginx cache as the CDN in front of the gateway, set up as docs/deployment.md's CDN rules say.
 * Public answers must carry what a CDN needs (public max-age, ETag, Vary) and be served from the
 * cache and revalidated; private answers must say {@code private, no-store} and never be served
 * from it, for the same person or another.
 */
final class CdnDrill {

  /** Answers that are the same for everybody (region settings and web assets join later). */
  private static final List<String> PUBLIC =
      List.of(
          "/api/v1/openapi.json",
          "/api/docs",
          "/.well-known/openid-configuration",
          "/.well-known/oauth-authorization-server");

  private CdnDrill() {}

  static void run(Edge edge, Report report) throws Exception {
    report.section("CDN: an nginx cache in front of the gateway, following the CDN rules");
    Path work = edge.work();
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    UserPrincipal worker =
        work.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("www-data");
    for (String dir : List.of("cdn-cache", "cdn-tmp")) {
      Files.createDirectories(work.resolve(dir));
      Files.setOwner(work.resolve(dir), worker);
    }
    Path config =
        edge.render(
            "cdn-nginx.conf",
            Map.of("work", work, "edgePort", edge.port(), "gatewayPort", edge.gatewayPort()));
    List<String> command =
        List.of("/usr/sbin/nginx", "-p", work.toString(), "-c", config.toString());
    try (ManagedProcess cdn = edge.startFront("cdn", command, edge.url() + "/api/docs")) {
      HttpJson http = new HttpJson(edge.url());
      HttpJson origin = new HttpJson("http://127.0.0.1:" + edge.gatewayPort());
      List<String> failures = new ArrayList<>();
      int checks = 0;
      for (String path : PUBLIC) {
        checks++;
        Reply first = get(http, path, null, "gzip", null);
        Reply second = get(http, path, null, "gzip", null);
        Reply plain = get(http, path, null, null, null);
        String etag = first.header("ETag");
        Reply conditional = get(http, path, null, "gzip", etag);
        Reply revalidated = get(origin, path, null, "gzip", etag);
        String cacheControl = String.valueOf(first.header("Cache-Control"));
        String vary = String.valueOf(first.header("Vary"));
        List<String> wrong = new ArrayList<>();
        if (first.status() != 200) wrong.add("status " + first.status());
        if (!cacheControl.contains("public") || !cacheControl.contains("max-age")) {
          wrong.add("Cache-Control " + cacheControl);
        }
        if (etag == null) wrong.add("no ETag");
        if (!vary.toLowerCase().contains("accept-encoding")) wrong.add("Vary " + vary);
        if (!"HIT".equals(second.header("X-Cache-Status"))) {
          wrong.add("second request " + second.header("X-Cache-Status"));
        }
        if (plain.header("Content-Encoding") != null) {
          wrong.add("a client without gzip got " + plain.header("Content-Encoding"));
        }
        if (conditional.status() != 304)
          wrong.add("If-None-Match at the CDN: " + conditional.status());
        if (revalidated.status() != 304)
          wrong.add("revalidation at the origin: " + revalidated.status());
        report.note(
            (wrong.isEmpty() ? "ok   " : "FAIL ") + "public  GET " + path,
            cacheControl
                + ", ETag "
                + (etag == null ? "none" : "yes")
                + ", Vary "
                + vary
                + "; 2nd "
                + second.header("X-Cache-Status")
                + ", 304 on If-None-Match");
        if (!wrong.isEmpty()) failures.add(path + ": " + String.join(", ", wrong));
      }

      Athlete ada = Athlete.signUp(edge.url(), "Ada Cache", "correct horse battery staple");
      Athlete bob = Athlete.signUp(edge.url(), "Bob Cache", "correct horse battery staple");
      // something of Ada's own, so her list differs from Bob's
      http.post(
          "/api/v1/workouts",
          ada.accessToken(),
          HttpJson.object(
              "sport", "run", "startTime", "2026-11-28T07:30:00Z", "durationSeconds", 1800));
      record Private(String path, Athlete first, Athlete second) {}
      List<Private> privates =
          List.of(
              new Private("/api/v1/profiles/me", ada, bob),
              new Private("/api/v1/workouts", ada, bob),
              new Private("/oauth2/jwks", null, null),
              new Private("/login", null, null),
              new Private("/register", null, null));
      for (Private p : privates) {
        checks++;
        Reply one =
            get(http, p.path(), p.first() == null ? null : p.first().accessToken(), "gzip", null);
        Reply two =
            get(http, p.path(), p.second() == null ? null : p.second().accessToken(), "gzip", null);
        Reply three =
            get(http, p.path(), p.first() == null ? null : p.first().accessToken(), "gzip", null);
        String cacheControl = String.valueOf(one.header("Cache-Control"));
        List<String> wrong = new ArrayList<>();
        if (!cacheControl.contains("private") || !cacheControl.contains("no-store")) {
          wrong.add("Cache-Control " + cacheControl);
        }
        for (Reply reply : List.of(one, two, three)) {
          if ("HIT".equals(reply.header("X-Cache-Status"))
              || "STALE".equals(reply.header("X-Cache-Status"))) {
            wrong.add("served from the cache");
          }
        }
        if (p.first() != null && one.status() == 200 && one.body().equals(two.body())) {
          wrong.add("the second person got the first one's answer");
        }
        report.note(
            (wrong.isEmpty() ? "ok   " : "FAIL ")
                + "private GET "
                + p.path()
                + (p.first() == null ? "" : " (two people)"),
            cacheControl
                + "; cache: "
                + one.header("X-Cache-Status")
                + ", "
                + two.header("X-Cache-Status")
                + ", "
                + three.header("X-Cache-Status"));
        if (!wrong.isEmpty()) failures.add(p.path() + ": " + String.join(", ", wrong));
      }
      report.check(
          "answers that follow the CDN rules",
          (checks - failures.size()) + " of " + checks,
          "all",
          failures.isEmpty());
      failures.forEach(failure -> report.note("  wrong", failure));
    }
  }

  private static Reply get(HttpJson http, String path, String token, String encoding, String etag) {
    var request = http.request(path, token);
    if (encoding != null) request.header("Accept-Encoding", encoding);
    if (etag != null) request.header("If-None-Match", etag);
    return http.send(request.GET().build());
  }
}
