package io.stride.platform.test;

import com.sun.net.httpserver.HttpServer;
import io.stride.infra.FreePorts;
import io.stride.infra.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Debian's Prometheus ({@code /usr/bin/prometheus}) scraping a file of targets, for tests and
 * drills: the dashboards' queries, the alert drill. Its scrapes go through a small proxy that asks
 * for the classic text format: Prometheus before 2.43 (Debian has 2.42) drops a whole scrape whose
 * OpenMetrics carries an exemplar on a summary's {@code _count}, which Micrometer writes.
 */
public final class LocalPrometheus implements AutoCloseable {

  public static final Path BINARY = Path.of("/usr/bin/prometheus");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /**
   * @param targets a file_sd JSON file of {@code /actuator/prometheus} targets
   * @param scrapeSeconds scrape interval (and timeout)
   * @param evaluationSeconds rule evaluation interval
   * @param rules a rules file, or null
   * @param alertmanager {@code host:port} of an Alertmanager, or null
   */
  public record Options(
      Path targets, int scrapeSeconds, int evaluationSeconds, Path rules, String alertmanager) {

    public static Options scraping(Path targets, int scrapeSeconds) {
      return new Options(targets, scrapeSeconds, scrapeSeconds, null, null);
    }
  }

  private final HttpServer proxy;
  private final ManagedProcess process;
  private final String url;

  private LocalPrometheus(HttpServer proxy, ManagedProcess process, String url) {
    this.proxy = proxy;
    this.process = process;
    this.url = url;
  }

  public static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  /** Starts Prometheus in {@code work} and returns once it is ready. */
  public static LocalPrometheus start(Path work, Options options) {
    HttpServer proxy = classicTextFormatProxy();
    try {
      Files.createDirectories(work);
      int port = FreePorts.find();
      StringBuilder config =
          new StringBuilder()
              .append("global:\n")
              .append("  scrape_interval: ")
              .append(options.scrapeSeconds())
              .append("s\n")
              .append("  scrape_timeout: ")
              .append(options.scrapeSeconds())
              .append("s\n")
              .append("  evaluation_interval: ")
              .append(options.evaluationSeconds())
              .append("s\n");
      if (options.rules() != null) {
        config.append("rule_files: [\"").append(options.rules()).append("\"]\n");
      }
      if (options.alertmanager() != null) {
        config
            .append("alerting:\n  alertmanagers:\n    - static_configs:\n")
            .append("        - targets: [\"")
            .append(options.alertmanager())
            .append("\"]\n");
      }
      config
          .append("scrape_configs:\n  - job_name: stride\n")
          .append("    metrics_path: /actuator/prometheus\n")
          .append("    proxy_url: http://127.0.0.1:")
          .append(proxy.getAddress().getPort())
          .append('\n')
          .append("    file_sd_configs:\n      - files: [\"")
          .append(options.targets())
          .append("\"]\n")
          .append("        refresh_interval: 5s\n");
      Path file = work.resolve("prometheus.yml");
      Files.writeString(file, config);
      ManagedProcess process =
          ManagedProcess.start(
              "prometheus",
              List.of(
                  BINARY.toString(),
                  "--config.file=" + file,
                  "--storage.tsdb.path=" + work.resolve("data"),
                  "--web.listen-address=127.0.0.1:" + port),
              java.util.Map.of(),
              work.resolve("prometheus.log"));
      LocalPrometheus prometheus = new LocalPrometheus(proxy, process, "http://127.0.0.1:" + port);
      prometheus.awaitReady();
      return prometheus;
    } catch (IOException e) {
      proxy.stop(0);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      proxy.stop(0);
      throw e;
    }
  }

  public String url() {
    return url;
  }

  /** An instant query: its {@code data.result} array, or an error naming what Prometheus said. */
  public JsonNode query(String promql) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(
                          url
                              + "/api/v1/query?query="
                              + URLEncoder.encode(promql, StandardCharsets.UTF_8)))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode body = HttpJson.parse(response.body());
      if (response.statusCode() != 200 || !"success".equals(body.get("status").asString())) {
        throw new IllegalArgumentException(
            "Prometheus refused " + promql + ": " + response.statusCode() + " " + response.body());
      }
      return body.get("data").get("result");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until {@code count} targets are up (scraped without error). */
  public void awaitTargetsUp(int count, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (query("up{job=\"stride\"} == 1").size() == count) {
        return;
      }
      pause(250);
    }
    throw new IllegalStateException(
        "not all " + count + " targets are up: " + query("up") + "\n" + process.logTail(20));
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("prometheus exited:\n" + process.logTail(30));
      }
      try {
        if (HTTP.send(
                    HttpRequest.newBuilder(URI.create(url + "/-/ready")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      pause(100);
    }
    throw new IllegalStateException("prometheus not ready:\n" + process.logTail(30));
  }

  private static HttpServer classicTextFormatProxy() {
    try {
      HttpServer proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      proxy.createContext(
          "/",
          exchange -> {
            try {
              HttpResponse<byte[]> answer =
                  HTTP.send(
                      HttpRequest.newBuilder(exchange.getRequestURI())
                          .header("Accept", "text/plain;version=0.0.4")
                          .timeout(Duration.ofSeconds(10))
                          .build(),
                      HttpResponse.BodyHandlers.ofByteArray());
              exchange
                  .getResponseHeaders()
                  .add(
                      "Content-Type",
                      answer.headers().firstValue("Content-Type").orElse("text/plain"));
              exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
              exchange.getResponseBody().write(answer.body());
            } catch (IOException e) {
              exchange.sendResponseHeaders(502, -1);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              exchange.sendResponseHeaders(503, -1);
            } finally {
              exchange.close();
            }
          });
      proxy.start();
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.stop();
    proxy.stop(0);
  }
}
