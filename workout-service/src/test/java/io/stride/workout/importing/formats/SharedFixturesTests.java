package io.stride.workout.importing.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stride.workout.activity.ParsedActivity;
import io.stride.workout.metrics.ActivityMetrics;
import io.stride.workout.metrics.Athlete;
import io.stride.workout.metrics.Sport;
import io.stride.workout.metrics.WorkoutMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real file of the shared fixtures folder (when the checkout has it next to it) reads into an
 * activity with metrics, except the one that is malformed on purpose, which fails with a reason.
 * The copied files run always.
 */
class SharedFixturesTests {

  private final ActivityFiles files = new ActivityFiles(Limits.DEFAULT);

  static Stream<String> files() {
    Stream<String> copied =
        Stream.of(
            "copied:gpxgo_file.gpx",
            "copied:gpxpy_cerknicko-jezero.gpx",
            "copied:gpxpy_around-visnjan-with-car.gpx",
            "copied:fitparse_garmin-fenix-5-run.fit",
            "copied:fitparse_compressed-speed-distance.fit",
            "copied:fitparse_2019-02-17-062644-ELEMNT-297E-195-0.fit");
    return Stream.concat(copied, ActivityFixtures.shared().stream().map(Path::toString));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void readsIntoAnActivityWithMetricsOrFailsWithAReason(String file) throws IOException {
    byte[] content =
        file.startsWith("copied:")
            ? ActivityFixtures.copied(file.substring("copied:".length()))
            : Files.readAllBytes(Path.of(file));
    if (file.contains("invalid_xml") || file.contains("filecrc")) {
      assertThatThrownBy(() -> files.read(content))
          .isInstanceOf(UnreadableFileException.class)
          .hasMessageMatching(".*(well-formed|integrity).*");
      return;
    }
    ParsedActivity activity = files.read(content);
    Sport sport = activity.sport() != null ? activity.sport() : Sport.OTHER;

    assertThat(activity.startTime()).isNotNull();
    if (activity.track().size() >= 2) {
      ActivityMetrics metrics = WorkoutMetrics.compute(activity.track(), sport, Athlete.UNKNOWN);
      assertThat(metrics.elapsedSeconds()).isPositive();
      assertThat(metrics.movingSeconds()).isBetween(0.0, metrics.elapsedSeconds());
      if (metrics.distanceMeters() != null) {
        assertThat(metrics.distanceMeters()).isNotNegative();
      }
    } else {
      assertThat(activity.deviceTotals().elapsedSeconds()).isNotNull();
    }
  }
}
