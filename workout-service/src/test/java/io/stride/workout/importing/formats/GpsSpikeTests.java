package io.stride.workout.importing.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stride.workout.activity.ParsedActivity;
import io.stride.workout.metrics.ActivityMetrics;
import io.stride.workout.metrics.Athlete;
import io.stride.workout.metrics.Sport;
import io.stride.workout.metrics.WorkoutMetrics;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue #21, defect 3, on a real recording (gpxpy's Cerknica lake GPX, taken as a hike): its own
 * 184 m jump in 2 s is not its maximum speed, and one more position moved 180 m away, as a GPS
 * receiver does when it loses the sky for a moment, changes neither its distance nor its maximum
 * speed.
 */
class GpsSpikeTests {

  private static final Pattern LATITUDE = Pattern.compile("<trkpt lat=\"([0-9.]+)\"");

  private final ActivityFiles files = new ActivityFiles(Limits.DEFAULT);

  @Test
  void aRealHikeWithOne180MetreGpsJumpKeepsItsDistanceAndMaximumSpeed() {
    String original =
        new String(ActivityFixtures.copied("gpxpy_cerknicko-jezero.gpx"), StandardCharsets.UTF_8);
    ActivityMetrics clean = metrics(original);
    ActivityMetrics spiked = metrics(withOnePointMovedNorth(original, 150, 180));

    assertThat(spiked.distanceMeters()).isCloseTo(clean.distanceMeters(), within(0.5));
    assertThat(spiked.maxSpeed()).isCloseTo(clean.maxSpeed(), within(0.01));
    // the file has a jump of its own (point 237: 184 m in 2 s, 92 m/s); its fastest real stretch
    // is a descent at 10-11 m/s
    assertThat(clean.maxSpeed()).isLessThan(12.0);
  }

  private ActivityMetrics metrics(String gpx) {
    ParsedActivity activity = files.read(gpx.getBytes(StandardCharsets.UTF_8));
    return WorkoutMetrics.compute(activity.track(), Sport.HIKE, Athlete.UNKNOWN);
  }

  /** The file with its {@code index}-th track point moved {@code meters} north. */
  private static String withOnePointMovedNorth(String gpx, int index, double meters) {
    Matcher matcher = LATITUDE.matcher(gpx);
    for (int i = 0; i <= index; i++) {
      assertThat(matcher.find()).as("track point %d", i).isTrue();
    }
    double latitude = Double.parseDouble(matcher.group(1)) + meters / 111_132.0;
    return gpx.substring(0, matcher.start(1))
        + String.format(java.util.Locale.ROOT, "%.7f", latitude)
        + gpx.substring(matcher.end(1));
  }
}
