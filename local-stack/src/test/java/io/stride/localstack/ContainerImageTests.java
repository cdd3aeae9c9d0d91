package io.stride.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.catalog.Service;
import io.stride.catalog.ServiceCatalog;
import io.stride.platform.test.ExternalCommand;
import io.stride.platform.test.NodeTools;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The one image definition ({@code docker/Dockerfile}, ADR 0016) checked without a Docker engine:
 * base images pinned by digest, a non-root user, memory from the container limit, a health check
 * from actuator, the JVM as PID 1; every catalog deployable is built by the script; and the file
 * passes dockerfile-utils, the Dockerfile language service's validator.
 */
class ContainerImageTests {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern DIGEST = Pattern.compile("[^\\s@]+:[^\\s@]+@sha256:[0-9a-f]{64}");

  private final List<String> lines = instructions(ROOT.resolve("docker/Dockerfile"));
  private final Map<String, String> args = argDefaults(lines);

  @Test
  void everyBaseImageIsPinnedByDigest() {
    List<String> bases =
        lines.stream()
            .filter(line -> line.startsWith("FROM "))
            .map(line -> expand(line.split("\\s+")[1]))
            .toList();
    assertThat(bases).isNotEmpty();
    assertThat(bases)
        .allSatisfy(base -> assertThat(base).matches(DIGEST).doesNotContain(":latest"));
  }

  @Test
  void theImageRunsAsANumericNonRootUserWithTheJvmAsPidOne() {
    List<String> last = finalStage();
    String user = last.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElse("");
    assertThat(user).as("USER of the final stage").matches("USER [1-9][0-9]*(:[1-9][0-9]*)?");
    assertThat(last.get(last.size() - 1))
        .as("exec-form ENTRYPOINT, so SIGTERM reaches the JVM")
        .startsWith("ENTRYPOINT [\"java\"");
    assertThat(lines).noneMatch(line -> line.startsWith("ADD "));
  }

  @Test
  void theJvmTakesItsMemoryFromTheContainerAndWritesOnlyToTmp() {
    String env =
        finalStage().stream().filter(l -> l.startsWith("ENV ")).collect(Collectors.joining());
    assertThat(env)
        .contains("-XX:MaxRAMPercentage=")
        .contains("-XX:+ExitOnOutOfMemoryError")
        .contains("-Djava.io.tmpdir=/tmp");
    assertThat(env.toUpperCase()).doesNotContain("SECRET").doesNotContain("PASSWORD");
  }

  @Test
  void theHealthCheckAsksActuatorForLiveness() {
    assertThat(finalStage())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("HEALTHCHECK ")
                    .contains("/actuator/health/liveness")
                    .contains("${HEALTH_PORT}"));
  }

  @Test
  void theBuildScriptBuildsEveryDeployableOfTheCatalog() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      Deployables.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    ServiceCatalog catalog = ServiceCatalog.load();
    List<String> expected = new ArrayList<>();
    expected.add("gateway " + catalog.gateway().port() + " " + catalog.gateway().managementPort());
    for (Service service : catalog.services()) {
      expected.add(service.name() + " " + service.port() + " " + service.port());
      assertThat(ROOT.resolve(service.name()).resolve("pom.xml")).exists();
    }
    assertThat(printed.toString(StandardCharsets.UTF_8).lines())
        .containsExactlyElementsOf(expected);
    assertThat(lines).contains("COPY ${SERVICE}/target/${SERVICE}-*-exec.jar app.jar");
    assertThat(read(ROOT.resolve(".dockerignore"))).contains("!*/target/*-exec.jar");
  }

  @Test
  void theDockerfilePassesTheLinter() {
    Path lint = ROOT.resolve("docker/lint");
    NodeTools.requireOrSkip("The Dockerfile lint");
    if (!Files.isDirectory(lint.resolve("node_modules/dockerfile-utils"))) {
      ExternalCommand.Result install =
          ExternalCommand.run(lint, Duration.ofMinutes(3), "npm", "ci", "--no-audit", "--no-fund");
      assertThat(install.succeeded()).as("npm ci: %s", install.describe()).isTrue();
    }
    ExternalCommand.Result result =
        ExternalCommand.run(lint, Duration.ofMinutes(1), "node", "lint.mjs", "../Dockerfile");
    assertThat(result.exitCode()).as("dockerfile-utils: %s", result.describe()).isZero();
    assertThat(result.output())
        .as("dockerfile-utils on docker/Dockerfile")
        .isEqualTo("no problems\n");
  }

  private List<String> finalStage() {
    int from = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("FROM ")) {
        from = i;
      }
    }
    return lines.subList(from, lines.size());
  }

  private String expand(String value) {
    Matcher reference = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(value);
    return reference.replaceAll(
        match -> Matcher.quoteReplacement(args.getOrDefault(match.group(1), "")));
  }

  /** The instructions, continuation lines joined, comments and blank lines left out. */
  private static List<String> instructions(Path dockerfile) {
    List<String> joined = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : read(dockerfile).lines().toList()) {
      String text = line.strip();
      if (text.startsWith("#") || text.isEmpty()) {
        continue;
      }
      if (text.endsWith("\\")) {
        current.append(text, 0, text.length() - 1).append(' ');
        continue;
      }
      joined.add(current.append(text).toString().replaceAll("\\s+", " "));
      current.setLength(0);
    }
    return joined;
  }

  private static Map<String, String> argDefaults(List<String> lines) {
    Map<String, String> defaults = new HashMap<>();
    for (String line : lines) {
      Matcher arg = Pattern.compile("ARG ([A-Z_]+)=(\\S+)").matcher(line);
      if (arg.matches()) {
        defaults.putIfAbsent(arg.group(1), arg.group(2));
      }
    }
    return defaults;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
