package io.stride.bench;

import io.stride.localstack.StackConfig;
import io.stride.platform.test.HttpJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue #11's numbers: {@code GET /api/v1/regions/{code}} through the gateway, needing no token, at
 * saturation (32 connections) and at half of it, where the target is p99 below 5 ms; then the same
 * with {@code If-None-Match} (304 answers).
 */
final class RegionBenchmarks {

  private static final int ROUNDS = 3;

  private RegionBenchmarks() {}

  static void run(StackConfig config, Path work) throws Exception {
    String url = "http://127.0.0.1:" + config.gatewayPort() + "/api/v1/regions/DE-BY";
    String tag =
        new HttpJson("http://127.0.0.1:" + config.gatewayPort())
            .get("/api/v1/regions/DE-BY", null)
            .header("ETag");
    List<String> none = List.of();
    List<String> conditional = List.of("If-None-Match: " + tag);
    BenchmarkMain.warmUp(List.of(url), url, none, null);
    measure("GET /regions/DE-BY via gateway (200)", url, none, work);
    measure("GET /regions/DE-BY via gateway, If-None-Match (304)", url, conditional, work);
  }

  private static void measure(String what, String url, List<String> headers, Path work)
      throws Exception {
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
    BenchmarkMain.row(
        what + ", errors",
        "%d",
        saturated.errors() + paced.errors(),
        "0",
        saturated.errors() + paced.errors() == 0);
  }
}
