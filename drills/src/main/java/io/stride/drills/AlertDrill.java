package io.stride.drills;

import com.sun.net.httpserver.HttpServer;
import io.stride.infra.FreePorts;
import io.stride.infra.ManagedProcess;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.LocalPrometheus;
import java.io.IOException;
import java.net.InetSocketAddress;
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

  static final String ALERTMANAGER = "/usr/bin/prometheus-alertmanager";
  private static final String VICTIM =
      System.getProperty("drills.alerts.service", "profile-service");
  private static final int SCRAPE_SECONDS = 5;
  private static final int EVALUATION_SECONDS = 15;
  private static final int FOR_SECONDS = 60;

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
    int alertmanagerPort = FreePorts.find();
    Path root = edge.repositoryRoot();
    Files.writeString(
        work.resolve("alertmanager.yml"), drillAlertmanager(root, webhook.getAddress().getPort()));
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
        LocalPrometheus prometheus =
            LocalPrometheus.start(
                work.resolve("prometheus"),
                new LocalPrometheus.Options(
                    edge.stack().config().dataDirectory().resolve("prometheus/targets.json"),
                    SCRAPE_SECONDS,
                    EVALUATION_SECONDS,
                    root.resolve("observability/prometheus/rules/stride-alerts.yml"),
                    "127.0.0.1:" + alertmanagerPort))) {
      // the gateway and every catalog service (not the load-balancer drill's second gateway)
      int targets = edge.stack().config().catalog().services().size() + 1;
      prometheus.awaitTargetsUp(targets, java.time.Duration.ofSeconds(60));
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
    }
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
