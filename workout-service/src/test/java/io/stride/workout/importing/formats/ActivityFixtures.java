package io.stride.workout.importing.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Real activity files: the Apache-2.0 and MIT ones copied into test resources, and, where the
 * checkout sits next to the project's shared folder, the AGPL ones read from there (they may not be
 * copied into this repository).
 */
final class ActivityFixtures {

  private ActivityFixtures() {}

  static byte[] copied(String name) {
    try (InputStream in = ActivityFixtures.class.getResourceAsStream("/activity-files/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource activity-files/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shared fixtures folder, if this checkout has one beside it. */
  static Path sharedFolder() {
    String configured = System.getProperty("stride.shared.fixtures");
    List<Path> candidates =
        configured != null
            ? List.of(Path.of(configured))
            : List.of(
                Path.of("..", "..", "shared", "fixtures", "activity-files"),
                Path.of("..", "shared", "fixtures", "activity-files"));
    return candidates.stream().filter(Files::isDirectory).findFirst().orElse(null);
  }

  /** Every activity file in the shared folder (none when there is no shared folder). */
  static List<Path> shared() {
    Path folder = sharedFolder();
    if (folder == null) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.toString().matches(".*\\.(gpx|tcx|fit)$")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
