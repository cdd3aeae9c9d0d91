package io.stride.platform.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool a test runs (npm, node, kubectl, docker-compose): its exit code and all it
 * printed, standard output and error together. Standard input is empty; a command still running
 * after its timeout is killed with its children.
 */
public final class ExternalCommand {

  /** What a command did: its exit code (-1 after a timeout) and its output. */
  public record Result(int exitCode, String output, boolean timedOut) {

    public boolean succeeded() {
      return !timedOut && exitCode == 0;
    }

    /** For assertion messages: the exit (or the timeout) and the output. */
    public String describe() {
      return (timedOut ? "timed out" : "exit " + exitCode) + ":\n" + output;
    }
  }

  private ExternalCommand() {}

  public static Result run(Path directory, Duration timeout, String... command) {
    return run(directory, Map.of(), timeout, List.of(command));
  }

  public static Result run(
      Path directory, Map<String, String> environment, Duration timeout, List<String> command) {
    Path output = null;
    try {
      output = Files.createTempFile("stride-command", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      if (directory != null) {
        builder.directory(directory.toFile());
      }
      builder.environment().putAll(environment);
      Process process = builder.start();
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      String text = Files.readString(output, StandardCharsets.UTF_8);
      return new Result(finished ? process.exitValue() : -1, text, !finished);
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    } finally {
      if (output != null) {
        output.toFile().delete();
      }
    }
  }

  /** Whether a tool is installed and works: {@code probe} (e.g. its --version) exits with 0. */
  public static boolean answers(String... probe) {
    try {
      return run(null, Duration.ofSeconds(30), probe).succeeded();
    } catch (UncheckedIOException notInstalled) {
      return false;
    }
  }
}
