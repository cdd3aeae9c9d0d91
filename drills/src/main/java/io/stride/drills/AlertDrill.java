package io.stride.drills;

import com.sun.net.httpserver.HttpServer;
import io.stride.infra.FreePorts;
import io.stride.infra.ManagedProcess;
import io.stride.platform.test.HttpJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * A real Prometheus and Alertmanager (Debian's packages) with Stride's alert rules and inhibitions
 * against the local stack: one service is stopped, the "service down" alert must reach a webhook
 * within the rule's {@code for} plus one evaluation interval (plus one scrape for Prometheus to
 * notice); the service is started again and the resolved notice must follow.
 */
final class AlertDrill {

  static final String PROMETHEUS = "/usr/bin/prometheus";
  static final String ALERTMANAGER = "/usr/bin/prometheus-alertmanager";
  private static final String VICTIM =
      System.getProperty("drills.alerts.service", "profile-service");
  private static final int SCRAPE_SECONDS = 5;
  private static final int EVALUATION_SECONDS = 15;
  private static final int FOR_SECONDS = 60;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** One notification as the webhook received it. */
  private record Notice(long at, String status, String alertname, String service) {}

  private AlertDrill() {}

  static void run(Edge edge, Report report) throws Exception {
    report.section(
        "Alerts: Prometheus + Alertmanager (Debian) with Stride's rules, one service stopped");
    Path work = edge.work().resolve("alerts");
    Files.createDirectories(work);
    List<Notice> notices = new CopyOnWriteArrayList<>();
    HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    webhook.createContext(
        "/alerts",
        exchange -> {
          long at = System.currentTimeMillis();
          JsonNode body =
              HttpJson.parse(
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          for (JsonNode alert : body.get("alerts")) {
            JsonNode labels = alert.get("labels");
            notices.add(
                new Notice(
                    at,
                    alert.get("status").asString(),
                    labels.get("alertname").asString(),
                    labels.has("service") ? labels.get("service").asString() : ""));
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    webhook.start();
    HttpServer textFormat = classicTextFormatProxy();
    int alertmanagerPort = FreePorts.find();
    int prometheusPort = FreePorts.find();
    Path root = edge.repositoryRoot();
    Files.writeString(
        work.resolve("alertmanager.yml"), drillAlertmanager(root, webhook.getAddress().getPort()));
    Path prometheusConfig =
        Edge.render(
            work,
            "alert-prometheus.yml",
            Map.of(
                "scrapeSeconds",
                SCRAPE_SECONDS,
                "evaluationSeconds",
                EVALUATION_SECONDS,
                "rules",
                root.resolve("observability/prometheus/rules/stride-alerts.yml"),
                "alertmanagerPort",
                alertmanagerPort,
                "targets",
                edge.stack().config().dataDirectory().resolve("prometheus/targets.json"),
                "proxyPort",
                textFormat.getAddress().getPort()));
    String prometheus = "http://127.0.0.1:" + prometheusPort;
    try (ManagedProcess alertmanager =
            Edge.startFront(
                work,
                "alertmanager",
                List.of(
                    ALERTMANAGER,
                    "--config.file=" + work.resolve("alertmanager.yml"),
                    "--storage.path=" + work.resolve("alertmanager-data"),
                    "--web.listen-address=127.0.0.1:" + alertmanagerPort,
                    "--cluster.listen-address="),
                "http://127.0.0.1:" + alertmanagerPort + "/-/ready");
        ManagedProcess prometheusProcess =
            Edge.startFront(
                work,
                "prometheus",
                List.of(
                    PROMETHEUS,
                    "--config.file=" + prometheusConfig,
                    "--storage.tsdb.path=" + work.resolve("prometheus-data"),
                    "--web.listen-address=127.0.0.1:" + prometheusPort),
                prometheus + "/-/ready")) {
      int targets = edge.stack().serviceNames().size();
      awaitUp(prometheus, targets);
      report.note("targets scraped (from the local stack's targets.json)", targets + " up");

      long stoppedAt = System.currentTimeMillis();
      edge.stack().stopService(VICTIM);
      Notice firing = await(notices, "firing", stoppedAt, 180_000);
      long budget = (SCRAPE_SECONDS + FOR_SECONDS + EVALUATION_SECONDS + 1) * 1000L;
      report.check(
          "StrideServiceDown for " + VICTIM + " at the webhook after the stop",
          firing == null ? "never" : (firing.at() - stoppedAt) / 1000.0 + " s",
          "<= "
              + budget / 1000
              + " s (scrape "
              + SCRAPE_SECONDS
              + " + for "
              + FOR_SECONDS
              + " + eval "
              + EVALUATION_SECONDS
              + " + group_wait 1)",
          firing != null && firing.at() - stoppedAt <= budget);

      edge.stack().startService(VICTIM);
      long readyAt = System.currentTimeMillis();
      Notice resolved = await(notices, "resolved", readyAt, 120_000);
      long resolvedBudget = (SCRAPE_SECONDS + EVALUATION_SECONDS + 5 + 1) * 1000L;
      report.check(
          "resolved notice after " + VICTIM + " is ready again",
          resolved == null ? "never" : (resolved.at() - readyAt) / 1000.0 + " s",
          "<= " + resolvedBudget / 1000 + " s (scrape + eval + group_interval 5)",
          resolved != null && resolved.at() - readyAt <= resolvedBudget);
      List<String> others = new ArrayList<>();
      for (Notice notice : notices) {
        if (!(notice.alertname().equals("StrideServiceDown") && notice.service().equals(VICTIM))) {
          others.add(notice.status() + " " + notice.alertname() + " " + notice.service());
        }
      }
      report.check(
          "other notifications during the drill (inhibited or not firing)",
          others.isEmpty() ? "none" : String.join("; ", others),
          "none",
          others.isEmpty());
    } finally {
      webhook.stop(0);
      textFormat.stop(0);
    }
  }

  /**
   * Debian's Prometheus (2.42) drops a whole scrape when an OpenMetrics answer carries an exemplar
   * on a summary's {@code _count}, which Prometheus accepts since 2.43 and Micrometer writes. The
   * drill's scrapes go through this forward proxy, which asks for the classic text format (no
   * exemplars); compose and Kubernetes run Prometheus 3, which needs none of it.
   */
  private static HttpServer classicTextFormatProxy() throws IOException {
    HttpServer proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    proxy.createContext(
        "/",
        exchange -> {
          try {
            HttpResponse<byte[]> answer =
                HTTP.send(
                    HttpRequest.newBuilder(exchange.getRequestURI())
                        .header("Accept", "text/plain;version=0.0.4")
                        .timeout(java.time.Duration.ofSeconds(4))
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
  }

  /**
   * Stride's Alertmanager configuration with its grouping and inhibitions, every alert sent to the
   * drill's webhook at once.
   */
  @SuppressWarnings("unchecked")
  private static String drillAlertmanager(Path root, int webhookPort) throws IOException {
    Map<String, Object> config =
        new Yaml()
            .load(Files.readString(root.resolve("observability/alertmanager/alertmanager.yml")));
    config.remove("templates");
    Map<String, Object> route = (Map<String, Object>) config.get("route");
    route.remove("routes");
    route.put("receiver", "drill");
    route.put("group_wait", "1s");
    route.put("group_interval", "5s");
    Map<String, Object> receiver = new LinkedHashMap<>();
    receiver.put("name", "drill");
    receiver.put(
        "webhook_configs",
        List.of(
            Map.of("url", "http://127.0.0.1:" + webhookPort + "/alerts", "send_resolved", true)));
    config.put("receivers", List.of(receiver));
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return new Yaml(options).dump(config);
  }

  private static void awaitUp(String prometheus, int targets) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      JsonNode result = query(prometheus, "up{job=\"stride\"} == 1");
      if (result != null && result.size() == targets) {
        return;
      }
      Edge.pause(500);
    }
    throw new IllegalStateException("Prometheus did not see all " + targets + " targets up");
  }

  private static JsonNode query(String prometheus, String promql) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        prometheus
                            + "/api/v1/query?query="
                            + URLEncoder.encode(promql, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200
        ? HttpJson.parse(response.body()).get("data").get("result")
        : null;
  }

  private static Notice await(List<Notice> notices, String status, long after, long timeoutMillis) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
      for (Notice notice : notices) {
        if (notice.at() >= after
            && notice.status().equals(status)
            && notice.alertname().equals("StrideServiceDown")
            && notice.service().equals(VICTIM)) {
          return notice;
        }
      }
      Edge.pause(200);
    }
    return null;
  }
}
