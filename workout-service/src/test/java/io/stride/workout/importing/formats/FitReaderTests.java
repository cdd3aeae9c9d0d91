package io.stride.workout.importing.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.stride.workout.activity.ParsedActivity;
import io.stride.workout.metrics.Track;
import io.stride.workout.metrics.Track.Channel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FitReaderTests {

  private final ActivityFiles files = new ActivityFiles(Limits.DEFAULT);

  @Test
  void readsEveryRecordOfAGarminRunAsPythonFitparseDoes() {
    ParsedActivity activity =
        files.read(ActivityFixtures.copied("fitparse_garmin-fenix-5-run.fit"));
    List<String[]> expected = records("fitparse_garmin-fenix-5-run-records.csv");

    Track track = activity.track();
    assertThat(activity.format()).isEqualTo("fit");
    assertThat(track.size()).isEqualTo(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      String[] row = expected.get(i);
      assertThat(track.value(Channel.HEART_RATE, i)).isEqualTo(Double.parseDouble(row[1]));
      assertThat(track.value(Channel.DISTANCE, i))
          .isCloseTo(Double.parseDouble(row[4]), within(0.01));
      assertThat(track.value(Channel.LATITUDE, i))
          .isCloseTo(Long.parseLong(row[5]) * 180.0 / (1L << 31), within(1e-9));
    }
    assertThat(activity.device().manufacturer()).isEqualToIgnoringCase("garmin");
    assertThat(activity.device().serialNumber()).isNotBlank();
  }

  @Test
  void expandsCompressedTimestampsSpeedAndDistance() {
    ParsedActivity activity =
        files.read(ActivityFixtures.copied("fitparse_compressed-speed-distance.fit"));
    List<String[]> expected = records("fitparse_compressed-speed-distance-records.csv");

    // the file has 755 records; fitparse's CSV lists the 754 that follow the first one
    Track track = activity.track();
    int offset = track.size() - expected.size();
    assertThat(offset).isEqualTo(1);
    for (int i = 0; i < expected.size(); i++) {
      String[] row = expected.get(i);
      assertThat(track.value(Channel.HEART_RATE, i + offset)).isEqualTo(Double.parseDouble(row[1]));
      assertThat(track.value(Channel.DISTANCE, i + offset))
          .isCloseTo(Double.parseDouble(row[3]), within(0.01));
    }
    long seconds = (track.timeMillis(track.size() - 1) - track.timeMillis(offset)) / 1000;
    assertThat(seconds)
        .isEqualTo(
            Long.parseLong(expected.get(expected.size() - 1)[0])
                - Long.parseLong(expected.get(0)[0]));
  }

  @Test
  void keepsTheSessionTotalsTheDeviceComputed() {
    ParsedActivity activity =
        files.read(ActivityFixtures.copied("fitparse_2019-02-17-062644-ELEMNT-297E-195-0.fit"));

    assertThat(activity.deviceTotals().distanceMeters()).isPositive();
    assertThat(activity.deviceTotals().elapsedSeconds()).isPositive();
    assertThat(activity.track().size()).isGreaterThan(1000);
    assertThat(activity.track().hasPosition()).isTrue();
  }

  @Test
  void aFileWithABadCrcIsRefused() {
    byte[] content = ActivityFixtures.copied("fitparse_garmin-fenix-5-run.fit");
    byte[] damaged = content.clone();
    damaged[damaged.length / 2] ^= 0x5A;

    assertThatThrownBy(() -> files.read(damaged))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("integrity");
  }

  @Test
  void aTruncatedFileIsRefused() {
    byte[] content = ActivityFixtures.copied("fitparse_garmin-fenix-5-run.fit");

    assertThatThrownBy(() -> files.read(Arrays.copyOf(content, content.length - 100)))
        .isInstanceOf(UnreadableFileException.class);
  }

  @Test
  void fitparsesFileWithAWrongFileCrcIsRefused() {
    // python-fitparse keeps this file as its example of a bad file checksum
    assertThatThrownBy(() -> files.read(ActivityFixtures.copied("fitparse_activity-filecrc.fit")))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("integrity");
  }

  private static List<String[]> records(String csv) {
    return new String(ActivityFixtures.copied(csv), StandardCharsets.UTF_8)
        .lines()
        .skip(1)
        .filter(line -> !line.isBlank())
        .map(line -> line.split(",", -1))
        .toList();
  }
}
