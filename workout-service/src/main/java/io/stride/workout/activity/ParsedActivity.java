package io.stride.workout.activity;

import io.stride.workout.metrics.Sport;
import io.stride.workout.metrics.Track;
import java.time.Instant;
import java.util.List;

/**
 * What a file says about one activity: its samples, the laps the device recorded, the totals the
 * device computed itself (kept next to ours: they differ, and athletes compare them), and the
 * device that recorded it. {@code sport} is null when the file does not say.
 */
public record ParsedActivity(
    String format,
    Sport sport,
    String name,
    Instant startTime,
    Device device,
    Track track,
    List<Lap> laps,
    DeviceTotals deviceTotals) {

  /**
   * The device to compare when looking for the same activity from another source: FIT and TCX files
   * name the device that recorded them; a GPX names only the app that wrote it, so it has none
   * (null).
   */
  public String recordingDevice() {
    return device.serialNumber() != null || format.equals("fit") ? device.identity() : null;
  }

  /**
   * The recording device; fields may be null. {@code name} is what to show a person ("Garmin Edge
   * 530", "Polar V800", "Strava"): the device's or, for a GPX, the writing app's.
   */
  public record Device(String manufacturer, String product, String serialNumber, String name) {

    public static final Device UNKNOWN = new Device(null, null, null, null);

    /** The longest name kept (a GPX {@code creator} is free text). */
    static final int NAME_LENGTH = 200;

    public Device {
      name = name == null || name.isBlank() ? null : name.strip();
      if (name != null && name.length() > NAME_LENGTH) {
        name = name.substring(0, NAME_LENGTH - 1) + "…";
      }
    }

    /** A stable name for duplicate detection across sources; null when nothing is known. */
    public String identity() {
      if (serialNumber != null) {
        return serialNumber;
      }
      if (manufacturer == null && product == null) {
        return null;
      }
      return (manufacturer == null ? "" : manufacturer) + "/" + (product == null ? "" : product);
    }
  }

  /** A lap as the device recorded it; any figure may be null. */
  public record Lap(
      Instant startTime,
      Double elapsedSeconds,
      Double timerSeconds,
      Double distanceMeters,
      Integer calories,
      Integer averageHeartRate,
      Integer maxHeartRate) {}

  /**
   * Whole-activity figures the device computed (FIT session, TCX laps), shown beside ours; any may
   * be null. Speeds m/s; cadence as recorded (rpm, or steps per minute of one leg); {@code
   * pauseSeconds} is elapsed minus timer time; strides for sports on foot, strokes in the water.
   */
  public record DeviceTotals(
      Double elapsedSeconds,
      Double timerSeconds,
      Double distanceMeters,
      Double ascentMeters,
      Double descentMeters,
      Integer calories,
      Integer averageHeartRate,
      Integer maxHeartRate,
      Double averageSpeed,
      Double maxSpeed,
      Integer averageCadence,
      Integer maxCadence,
      Integer averagePower,
      Integer maxPower,
      Double minAltitude,
      Double maxAltitude,
      Long totalStrides,
      Long totalStrokes,
      Double pauseSeconds) {

    public static final DeviceTotals NONE =
        new DeviceTotals(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    /** Elapsed minus timer time, when the device gave both. */
    public static Double pause(Double elapsedSeconds, Double timerSeconds) {
      return elapsedSeconds == null || timerSeconds == null
          ? null
          : Math.max(0, elapsedSeconds - timerSeconds);
    }
  }
}
