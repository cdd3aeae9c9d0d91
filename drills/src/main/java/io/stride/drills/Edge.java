package io.stride.drills;

import io.stride.infra.ManagedProcess;
import io.stride.localstack.LocalStack;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every drill shares: the running stack, the public port the drill's front (HAProxy, the WAF,
 * the CDN stand-in) listens on — the issuer every token names — and a folder for its files.
 */
record Edge(LocalStack stack, int port, Path work) {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z0-9_.]+)}");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  String url() {
    return "http://localhost:" + port;
  }

  Path repositoryRoot() {
    return stack.config().repositoryRoot();
  }

  int gatewayPort() {
    return stack.config().gatewayPort();
  }

  /** Writes a configuration template from this package's resources with its placeholders set. */
  Path render(String template, Map<String, Object> values) {
    return render(work, template, values);
  }

  /** {@link #render(String, Map)} into any folder. */
  static Path render(Path work, String template, Map<String, Object> values) {
    String text;
    try (InputStream in = Edge.class.getResourceAsStream(template)) {
      if (in == null) {
        throw new IllegalStateException("no template " + template);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      Object value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalStateException(template + " needs a value for " + matcher.group(0));
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
    }
    matcher.appendTail(out);
    Path file = work.resolve(template);
    try {
      Files.writeString(file, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Starts a front process and returns once {@code probeUrl} answers (any HTTP status). */
  ManagedProcess startFront(String name, List<String> command, String probeUrl) {
    return startFront(work, name, command, probeUrl);
  }

  /** {@link #startFront(String, List, String)} with its log in any folder. */
  static ManagedProcess startFront(Path work, String name, List<String> command, String probeUrl) {
    ManagedProcess process =
        ManagedProcess.start(name, command, Map.of(), work.resolve(name + ".log"));
    Instant deadline = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited:\n" + process.logTail(40));
      }
      try {
        HTTP.send(
            HttpRequest.newBuilder(URI.create(probeUrl)).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.discarding());
        return process;
      } catch (IOException notYet) {
        pause(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    process.stop();
    throw new IllegalStateException(name + " did not answer " + probeUrl + " within 20 s");
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
