package io.stride.localstack;

import static io.stride.localstack.KubernetesServiceCallsTests.producersFollowedBy;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.catalog.Service;
import io.stride.catalog.ServiceCatalog;
import io.stride.platform.test.ExternalCommand;
import io.stride.platform.test.MissingTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docker-compose.yml} checked against the catalog (ADR 0017), so a service added to {@code
 * services.yml} without its compose entry fails the build: every deployable present with its image,
 * port, health check, memory limit and restart policy; the gateway pointed at every service, and a
 * service that follows a topic at the topic's producer; secrets only from {@code .env}; only the
 * WAF published (and Grafana and Mailpit on loopback). Then a real compose implementation
 * (docker-compose) validates the file where one is installed.
 */
class ComposeFileTests {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String REQUIRED = "STRIDE_COMPOSE_TESTS";
  private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|_KEY\\b|_KEY$).*");
  private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z_]+):\\?");

  private final ServiceCatalog catalog = ServiceCatalog.load();
  private final ComposeFile compose = ComposeFile.load();
  private final Map<String, Map<String, Object>> services = compose.services();

  @Test
  void everyDeployableRunsItsOwnImageOnItsCatalogPort() {
    Map<String, Integer> deployables = new LinkedHashMap<>();
    deployables.put("gateway", catalog.gateway().port());
    catalog.services().forEach(service -> deployables.put(service.name(), service.port()));
    deployables.forEach(
        (name, port) -> {
          assertThat(services).as("compose services").containsKey(name);
          Map<String, Object> service = services.get(name);
          assertThat(service.get("image"))
              .as(name + " image")
              .isEqualTo("${STRIDE_IMAGE_PREFIX:-stride}/" + name + ":${STRIDE_IMAGE_TAG:-0.1.0}");
          assertThat(environment(name)).as(name + " PORT").containsEntry("PORT", port.toString());
          assertThat(healthTest(name))
              .as(name + " health check")
              .contains("/actuator/health/readiness")
              .contains(":" + (name.equals("gateway") ? catalog.gateway().managementPort() : port));
          assertThat(service.get("read_only")).as(name + " read-only root").isEqualTo(true);
          assertThat(service.get("tmpfs")).as(name + " /tmp").isEqualTo(List.of("/tmp"));
          assertThat(service.get("cap_drop")).as(name + " capabilities").isEqualTo(List.of("ALL"));
        });
  }

  @Test
  void theGatewayReachesEveryServiceAndTheWafReachesTheGateway() {
    Map<String, String> gateway = environment("gateway");
    for (Service service : catalog.services()) {
      assertThat(gateway)
          .containsEntry(service.urlVariable(), "http://" + service.name() + ":" + service.port());
    }
    assertThat(gateway)
        .containsEntry("MANAGEMENT_PORT", Integer.toString(catalog.gateway().managementPort()))
        .containsEntry("STRIDE_RATE_LIMIT_STORE", "redis");
    assertThat(environment("waf"))
        .containsEntry("BACKEND", "http://gateway:" + catalog.gateway().port());
  }

  @Test
  void aFollowerIsPointedAtTheProducersOfWhatItFollowsAndStartsWithoutThem() {
    for (Service follower : catalog.services()) {
      Object dependencies = services.get(follower.name()).get("depends_on");
      for (Service producer : producersFollowedBy(catalog, follower)) {
        assertThat(environment(follower.name()))
            .as(follower.name() + " warms its copy from " + producer.name())
            .containsEntry(
                producer.urlVariable(), "http://" + producer.name() + ":" + producer.port());
        // the copy warms in the background and retries (ADR 0024): a producer that is late or
        // down must not hold the follower back
        assertThat(dependencies)
            .as(follower.name() + " starts after " + producer.name() + " has started")
            .isInstanceOfSatisfying(
                Map.class,
                map ->
                    assertThat(map.get(producer.name()))
                        .isEqualTo(Map.of("condition", "service_started")));
      }
    }
  }

  @Test
  void theWafLoadsStridesRuleSetTuningFromTheFilesTheOtherWafsShare() {
    @SuppressWarnings("unchecked")
    List<String> volumes = (List<String>) services.get("waf").get("volumes");
    String rules = "/opt/owasp-crs/rules/";
    assertThat(volumes)
        .containsExactlyInAnyOrder(
            "./k8s/edge/waf/stride-before-crs.conf:"
                + rules
                + "REQUEST-900-EXCLUSION-RULES-BEFORE-CRS.conf:ro",
            "./k8s/edge/waf/stride-after-crs.conf:"
                + rules
                + "RESPONSE-999-EXCLUSION-RULES-AFTER-CRS.conf:ro");
    for (String volume : volumes) {
      assertThat(ROOT.resolve(volume.substring(2, volume.indexOf(':')))).isRegularFile();
    }
    assertThat(environment("waf"))
        .as("body limits as the gateway's")
        .containsEntry("MODSEC_REQ_BODY_LIMIT", "27262976")
        .containsEntry("MODSEC_REQ_BODY_NOFILES_LIMIT", "1048576");
  }

  @Test
  void prometheusScrapesTheBackendWithTheCommittedConfigAndAlertmanagerReadsItsSecretsFromFiles() {
    Map<String, Object> prometheus = services.get("prometheus");
    assertThat(String.valueOf(prometheus.get("volumes")))
        .contains(
            "./observability/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
            "./observability/prometheus/rules:/etc/prometheus/rules:ro",
            "./observability/prometheus/targets:/etc/prometheus/targets:ro");
    assertThat(String.valueOf(prometheus.get("networks"))).contains("backend");
    Map<String, Object> alertmanager = services.get("alertmanager");
    assertThat(String.valueOf(alertmanager.get("volumes")))
        .contains(
            "./observability/alertmanager/alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro");
    assertThat(alertmanager.get("secrets"))
        .isEqualTo(List.of("alertmanager-pagerduty-routing-key", "alertmanager-slack-webhook-url"));
    assertThat(String.valueOf(alertmanager.get("networks"))).doesNotContain("backend");
    assertThat(read(ROOT.resolve(".gitignore")).lines()).contains("/secrets/");
  }

  @Test
  void everyContainerHasAHealthCheckAMemoryLimitARestartPolicyAndWaitsForHealthyDependencies() {
    services.forEach(
        (name, service) -> {
          assertThat(service.get("mem_limit")).as(name + " mem_limit").isNotNull();
          if (service.containsKey("profiles")) {
            // a one-off task run by hand (the restore): it neither restarts nor serves
            assertThat(service.get("restart")).as(name + " restart").isEqualTo("no");
            return;
          }
          assertThat(healthTest(name)).as(name + " healthcheck").isNotEmpty();
          assertThat(service.get("restart")).as(name + " restart").isEqualTo("unless-stopped");
          assertThat(String.valueOf(service.get("image"))).doesNotEndWith(":latest");
          // but for the producers of what it follows, whose absence it rides out (above)
          Set<String> followed = new TreeSet<>();
          catalog
              .find(name)
              .ifPresent(s -> producersFollowedBy(catalog, s).forEach(p -> followed.add(p.name())));
          if (service.get("depends_on") instanceof Map<?, ?> dependencies) {
            dependencies.forEach(
                (dependency, condition) -> {
                  if (!followed.contains(String.valueOf(dependency))) {
                    assertThat(condition)
                        .as(name + " waits for " + dependency)
                        .isEqualTo(Map.of("condition", "service_healthy"));
                  }
                });
          }
        });
  }

  @Test
  void secretsComeFromTheEnvFileAndOnlyTheWafAndLoopbackGrafanaAndMailpitArePublished() {
    for (Service service : catalog.services()) {
      for (String secret : service.secrets()) {
        assertThat(environment(service.name()))
            .as(service.name() + " gets " + secret)
            .hasEntrySatisfying(secret, value -> assertThat(value).startsWith("${" + secret));
      }
    }
    services.forEach(
        (name, service) ->
            environment(name)
                .forEach(
                    (key, value) -> {
                      if (SECRET_NAME.matcher(key).matches()) {
                        assertThat(value).as(name + " " + key + " from .env").contains("${");
                      }
                    }));
    Set<String> published = new TreeSet<>();
    services.forEach(
        (name, service) -> {
          if (service.containsKey("ports")) {
            published.add(name);
          }
        });
    // Grafana's dashboards and Mailpit's emails (sign-in and reset links) are for the operator
    assertThat(published).containsExactly("grafana", "mailpit", "waf");
    for (String page : List.of("grafana", "mailpit")) {
      assertThat(String.valueOf(services.get(page).get("ports")))
          .as(page + " on the host's loopback only")
          .startsWith("[127.0.0.1:");
    }

    String example = read(ROOT.resolve(".env.example"));
    Matcher required = REQUIRED_VARIABLE.matcher(read(ROOT.resolve("docker-compose.yml")));
    while (required.find()) {
      assertThat(example)
          .as(".env.example names " + required.group(1))
          .contains(required.group(1) + "=");
    }
    assertThat(read(ROOT.resolve(".gitignore")).lines()).contains(".env");
  }

  @Test
  void notificationServiceMailsComposesMailpitUnlessTheEnvFileNamesARelay() {
    assertThat(environment("notification-service"))
        .containsEntry("STRIDE_SMTP_HOST", "${STRIDE_SMTP_HOST:-mailpit}")
        .containsEntry("STRIDE_SMTP_PORT", "${STRIDE_SMTP_PORT:-1025}")
        .as("links in emails lead where people reach Stride")
        .containsEntry("STRIDE_PUBLIC_URL", "${STRIDE_PUBLIC_URL:-http://localhost:8080}");
    assertThat(String.valueOf(services.get("mailpit").get("networks"))).contains("backend");
    assertThat(services.get("mailpit").get("read_only")).isEqualTo(true);
  }

  @Test
  void aRealComposeImplementationAcceptsTheFile() throws IOException, InterruptedException {
    List<String> compose = composeCommand();
    if (compose.isEmpty()) {
      MissingTool.skipOrFail(
          "no docker-compose here (apt-get install --no-install-recommends docker-compose)",
          REQUIRED);
    }
    // .env.example with a placeholder wherever it leaves a value empty
    Path env = Files.createTempFile("stride-compose", ".env");
    List<String> filled = new ArrayList<>();
    for (String line : read(ROOT.resolve(".env.example")).lines().toList()) {
      filled.add(line.endsWith("=") ? line + "placeholder" : line);
    }
    Files.write(env, filled);
    List<String> command = new ArrayList<>(compose);
    command.addAll(
        List.of("--env-file", env.toString(), "-f", "docker-compose.yml", "config", "-q"));
    ExternalCommand.Result result =
        ExternalCommand.run(ROOT, Map.of(), Duration.ofMinutes(2), command);
    Files.delete(env);
    assertThat(result.succeeded())
        .as("%s: %s", String.join(" ", command), result.describe())
        .isTrue();
  }

  private static List<String> composeCommand() {
    for (List<String> candidate :
        List.of(List.of("docker-compose", "version"), List.of("docker", "compose", "version"))) {
      if (ExternalCommand.answers(candidate.toArray(String[]::new))) {
        return candidate.subList(0, candidate.size() - 1);
      }
    }
    return List.of();
  }

  private Map<String, String> environment(String service) {
    return compose.environment(service);
  }

  private String healthTest(String service) {
    Object healthcheck = services.get(service).get("healthcheck");
    return healthcheck instanceof Map<?, ?> map ? String.valueOf(map.get("test")) : "";
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
