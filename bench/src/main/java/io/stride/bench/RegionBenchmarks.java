package io.stride.bench;

import io.stride.localstack.LocalStack;
import io.stride.localstack.StackConfig;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.OAuthFlows;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue #11's numbers: {@code GET /api/v1/regions/{code}} through the gateway, needing no token, at
 * saturation (32 connections) and at half of it, where the target is p99 below 5 ms; then the same
 * with {@code If-None-Match} (304 answers); then how long an operator's change of a country takes
 * to reach profile-service's region copy, for the country and every subdivision inheriting it
 * (target p99 below 1 s).
 */
final class RegionBenchmarks {

  private static final int ROUNDS = 3;

  private RegionBenchmarks() {}

  static void run(LocalStack stack, StackConfig config, Path work) throws Exception {
    String url = "http://127.0.0.1:" + config.gatewayPort() + "/api/v1/regions/DE-BY";
    String direct = "http://127.0.0.1:" + config.portOf("region-service") + "/api/v1/regions/DE-BY";
    String tag =
        new HttpJson("http://127.0.0.1:" + config.gatewayPort())
            .get("/api/v1/regions/DE-BY", null)
            .header("ETag");
    List<String> none = List.of();
    List<String> conditional = List.of("If-None-Match: " + tag);
    BenchmarkMain.warmUp(List.of(url, direct), url, none, null);
    measure("GET /regions/DE-BY via gateway (200)", url, direct, none, work);
    measure("GET /regions/DE-BY via gateway, If-None-Match (304)", url, direct, conditional, work);
    propagation(stack, config);
  }

  /**
   * From sending an operator's PATCH of Germany to the moment profile-service's copy ({@code
   * /actuator/regions/{code}}, polled) holds the new revision of Germany and of each of its
   * subdivisions: outbox, Kafka, the follower, all of it.
   */
  private static void propagation(LocalStack stack, StackConfig config) throws Exception {
    int changes = Integer.getInteger("bench.regionChanges", 100);
    String gatewayUrl = "http://127.0.0.1:" + config.gatewayPort();
    HttpJson gateway = new HttpJson(gatewayUrl);
    HttpJson profile = new HttpJson("http://127.0.0.1:" + config.portOf("profile-service"));
    String ops =
        new OAuthFlows(gatewayUrl)
            .clientCredentials(
                "stride-ops", stack.secrets().get("STRIDE_OPS_CLIENT_SECRET"), "regions:admin")
            .json()
            .get("access_token")
            .asString();
    HttpJson.Reply germany = gateway.get("/api/v1/regions/DE", null);
    String tag = germany.header("ETag");
    List<String> codes = new ArrayList<>(List.of("DE"));
    germany.json().get("subdivisions").forEach(code -> codes.add(code.asString()));
    boolean heatmaps = germany.json().get("flags").get("heatmaps").asBoolean();
    List<Double> millis = new ArrayList<>();
    HttpJson region = new HttpJson("http://127.0.0.1:" + config.portOf("region-service"));
    for (int i = 0; i < changes; i++) {
      heatmaps = !heatmaps;
      long started = System.nanoTime();
      HttpJson.Reply changed =
          gateway.send(
              gateway
                  .request("/api/v1/regions/DE", ops)
                  .header("Content-Type", "application/json")
                  .header("If-Match", tag)
                  .method(
                      "PATCH",
                      HttpRequest.BodyPublishers.ofString(
                          HttpJson.toJson(
                              HttpJson.object(
                                  "settings",
                                  HttpJson.object(
                                      "flags", HttpJson.object("heatmaps", heatmaps))))))
                  .build());
      if (changed.status() != 200) {
        throw new IllegalStateException("the change answered " + changed);
      }
      tag = changed.header("ETag");
      // the revisions region-service serves now, its change committed
      Map<String, Long> expected = new HashMap<>();
      for (String code : codes) {
        expected.put(
            code, region.get("/api/v1/regions/" + code, null).json().get("revision").asLong());
      }
      for (String code : codes) {
        while (held(profile, code) < expected.get(code)) {
          if (System.nanoTime() - started > 10_000_000_000L) {
            throw new IllegalStateException(code + " not in profile-service's copy after 10 s");
          }
          Thread.sleep(1);
        }
      }
      millis.add((System.nanoTime() - started) / 1_000_000.0);
    }
    Collections.sort(millis);
    double p50 = millis.get(millis.size() / 2);
    double p99 = millis.get((int) Math.ceil(millis.size() * 0.99) - 1);
    BenchmarkMain.row(
        "Region change -> in profile-service's copy ("
            + changes
            + " changes of DE, each "
            + codes.size()
            + " regions)",
        "p50 %.0f ms, p99 %.0f ms, max %.0f ms",
        new Object[] {p50, p99, millis.get(millis.size() - 1)},
        "p99 < 1000 ms",
        p99 < 1000);
  }

  /** The revision profile-service's copy holds for {@code code}; -1 if none. */
  private static long held(HttpJson profile, String code) {
    HttpJson.Reply region = profile.get("/actuator/regions/" + code, null);
    return region.status() == 200 ? region.json().get("revision").asLong() : -1;
  }

  /**
   * Saturation and the latency at half of it through the gateway, and at that rate straight to
   * region-service ({@code direct}, for reference: what the gateway hop adds).
   */
  private static void measure(
      String what, String url, String direct, List<String> headers, Path work) throws Exception {
    List<Wrk.Result> rounds = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      rounds.add(Wrk.run(url, BenchmarkMain.CONNECTIONS, BenchmarkMain.SECONDS, headers, null));
    }
    Wrk.Result saturated = BenchmarkMain.median(rounds);
    BenchmarkMain.row(
        what + ", saturated (wrk -c32)",
        "%.0f req/s, p50 %.1f ms, p99 %.1f ms",
        new Object[] {saturated.requestsPerSecond(), saturated.p50(), saturated.p99()},
        "",
        null);
    double half = saturated.requestsPerSecond() / 2;
    long meanPause = Math.round(BenchmarkMain.CONNECTIONS * 1000.0 / half);
    Wrk.Result paced =
        Wrk.run(
            url,
            BenchmarkMain.CONNECTIONS,
            BenchmarkMain.SECONDS,
            headers,
            Wrk.pacedScript(work, meanPause));
    BenchmarkMain.row(
        what + String.format(" at saturation / 2 (~%.0f req/s)", paced.requestsPerSecond()),
        "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms",
        new Object[] {paced.p50(), paced.p90(), paced.p99()},
        "p99 < 5 ms",
        paced.p99() < 5);
    Wrk.Result straight =
        Wrk.run(
            direct,
            BenchmarkMain.CONNECTIONS,
            BenchmarkMain.SECONDS,
            headers,
            Wrk.pacedScript(work, meanPause));
    BenchmarkMain.row(
        "  the same rate straight to region-service (~"
            + Math.round(straight.requestsPerSecond())
            + " req/s)",
        "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms",
        new Object[] {straight.p50(), straight.p90(), straight.p99()},
        "(reference)",
        null);
    BenchmarkMain.row(
        what + ", errors",
        "%d",
        saturated.errors() + paced.errors() + straight.errors(),
        "0",
        saturated.errors() + paced.errors() + straight.errors() == 0);
  }
}
