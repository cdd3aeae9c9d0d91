package io.stride.workout.importing.formats;

import com.garmin.fit.ActivityMesg;
import com.garmin.fit.DateTime;
import com.garmin.fit.TimestampCorrelationMesg;
import io.stride.workout.activity.ParsedActivity;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Dates the times a FIT device writes before it has a clock: seconds since it was switched on
 * (below {@link DateTime#MIN}, which would read as a date in the 1990s). As the FIT SDK describes,
 * a {@code timestamp_correlation} message pairs a UTC time with the system time of the same moment;
 * without one, the {@code activity} message's {@code timestamp} (system time) and {@code
 * local_timestamp} (the device's wall clock) give the local time, read in the athlete's zone.
 * Neither: the file cannot be dated and is refused, never stored in 1990.
 */
final class SystemClock {

  private Long utcMinusSystemSeconds;
  private Long localMinusSystemSeconds;

  static boolean isSystemTime(long epochMillis) {
    return epochMillis < DateTime.OFFSET + DateTime.MIN * 1000;
  }

  void correlate(TimestampCorrelationMesg correlation) {
    if (utcMinusSystemSeconds == null
        && correlation.getTimestamp() != null
        && correlation.getSystemTimestamp() != null
        && correlation.getTimestamp().getTimestamp() >= DateTime.MIN) {
      utcMinusSystemSeconds =
          correlation.getTimestamp().getTimestamp()
              - correlation.getSystemTimestamp().getTimestamp();
    }
  }

  void activity(ActivityMesg activity) {
    if (localMinusSystemSeconds == null
        && activity.getTimestamp() != null
        && activity.getLocalTimestamp() != null
        && activity.getTimestamp().getTimestamp() < DateTime.MIN
        && activity.getLocalTimestamp() >= DateTime.MIN) {
      localMinusSystemSeconds =
          activity.getLocalTimestamp() - activity.getTimestamp().getTimestamp();
    }
  }

  /** How far to move the system times, judged at the activity's start ({@code start}). */
  long correctionMillis(Instant start, ZoneId athleteZone) {
    if (utcMinusSystemSeconds != null) {
      return utcMinusSystemSeconds * 1000;
    }
    if (localMinusSystemSeconds != null) {
      // start + local offset is the wall-clock start, written as if it were UTC
      Instant wallClockAsUtc = start.plusSeconds(localMinusSystemSeconds);
      LocalDateTime local = LocalDateTime.ofInstant(wallClockAsUtc, ZoneOffset.UTC);
      Instant utc = local.atZone(athleteZone).toInstant();
      return utc.toEpochMilli() - start.toEpochMilli();
    }
    throw new UnreadableFileException(
        "The FIT file's times count from when the device was switched on (it had no clock yet),"
            + " and it holds nothing that dates them (no timestamp correlation, no local time), so"
            + " when the activity happened is unknown. Import the file the device writes once it"
            + " has set its clock (a GPS fix or a sync), or enter the workout by hand.");
  }

  static ParsedActivity.Lap shifted(ParsedActivity.Lap lap, long millis) {
    return lap.startTime() == null || !isSystemTime(lap.startTime().toEpochMilli())
        ? lap
        : new ParsedActivity.Lap(
            lap.startTime().plusMillis(millis),
            lap.elapsedSeconds(),
            lap.timerSeconds(),
            lap.distanceMeters(),
            lap.calories(),
            lap.averageHeartRate(),
            lap.maxHeartRate());
  }
}
