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
    assertThat(activity.deviceTotals().totalStrides()).as("a run's strides").isPositive();
    assertThat(activity.deviceTotals().averageCadence()).isPositive();
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

    ParsedActivity.DeviceTotals totals = activity.deviceTotals();
    assertThat(totals.distanceMeters()).isPositive();
    assertThat(totals.elapsedSeconds()).isPositive();
    assertThat(totals.averageSpeed()).isPositive();
    assertThat(totals.maxSpeed()).isGreaterThan(totals.averageSpeed());
    assertThat(totals.minAltitude()).isLessThan(totals.maxAltitude());
    assertThat(totals.pauseSeconds())
        .isCloseTo(totals.elapsedSeconds() - totals.timerSeconds(), within(1e-6));
    assertThat(totals.totalStrides()).as("a ride has no strides").isNull();
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

  @Test
  void timesWrittenBeforeTheDeviceHadAClockAreDatedByItsTimestampCorrelation() {
    java.time.Instant clockSet = java.time.Instant.parse("2026-06-01T07:00:00Z");
    // power-on-relative times from 1,000 s; at system time 1,000 it was 07:00 UTC
    ParsedActivity activity = files.read(relativeFit(1_000, clockSet));

    assertThat(activity.startTime()).isEqualTo(clockSet);
    assertThat(activity.track().size()).isEqualTo(60);
    assertThat(java.time.Instant.ofEpochMilli(activity.track().timeMillis(59)))
        .isEqualTo(clockSet.plusSeconds(59));
  }

  @Test
  void withoutACorrelationTheActivitysLocalTimeDatesTheFileInTheAthletesZone() {
    // python-fitparse's Forerunner file: every time since power-on; its activity message says
    // system time 17,221,751 was 698,070,063 on the device's wall clock (February 2012)
    byte[] file = ActivityFixtures.copied("fitparse_compressed-speed-distance.fit");
    java.time.Instant wallClockStart =
        java.time.Instant.ofEpochSecond(631_065_600L + 698_070_063L - (17_221_751L - 17_217_864L));

    ParsedActivity inUtc = files.read(file, java.time.ZoneOffset.UTC);
    ParsedActivity inBerlin = files.read(file, java.time.ZoneId.of("Europe/Berlin"));

    assertThat(inUtc.startTime()).isEqualTo(wallClockStart);
    assertThat(inUtc.startTime().toString()).startsWith("2012-");
    assertThat(inBerlin.startTime()).isEqualTo(wallClockStart.minusSeconds(3600)); // CET
    assertThat(inBerlin.laps().get(0).startTime()).isEqualTo(inBerlin.startTime());
  }

  @Test
  void aFileWithPowerOnTimesAndNothingToDateThemIsRefusedNeverStoredIn1990() {
    assertThatThrownBy(() -> files.read(relativeFit(1_000, null)))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("switched on")
        .hasMessageContaining("when the activity happened is unknown");
  }

  /** 60 one-second records at system times {@code from}…, written with the FIT SDK. */
  private static byte[] relativeFit(long from, java.time.Instant utcAtFrom) {
    com.garmin.fit.BufferEncoder encoder =
        new com.garmin.fit.BufferEncoder(com.garmin.fit.Fit.ProtocolVersion.V2_0);
    com.garmin.fit.FileIdMesg id = new com.garmin.fit.FileIdMesg();
    id.setType(com.garmin.fit.File.ACTIVITY);
    id.setManufacturer(com.garmin.fit.Manufacturer.DEVELOPMENT);
    id.setProduct(1);
    id.setSerialNumber(12345L);
    encoder.write(id);
    if (utcAtFrom != null) {
      com.garmin.fit.TimestampCorrelationMesg correlation =
          new com.garmin.fit.TimestampCorrelationMesg();
      correlation.setTimestamp(com.garmin.fit.DateTime.from(utcAtFrom));
      correlation.setSystemTimestamp(new com.garmin.fit.DateTime(from));
      encoder.write(correlation);
    }
    for (int i = 0; i < 60; i++) {
      com.garmin.fit.RecordMesg record = new com.garmin.fit.RecordMesg();
      record.setTimestamp(new com.garmin.fit.DateTime(from + i));
      record.setHeartRate((short) 120);
      record.setDistance(i * 3f);
      encoder.write(record);
    }
    return encoder.close();
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
