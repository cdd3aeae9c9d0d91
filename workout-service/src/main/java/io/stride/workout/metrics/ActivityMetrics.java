package io.stride.workout.metrics;

import java.util.List;

/**
 * Everything computed from one activity's samples. Distances in metres, times in seconds, speeds in
 * m/s; a figure the samples cannot give (no altitude, no heart rate) is null, never 0.
 *
 * @param gpsJumps how often the track jumped to a position the sport cannot reach and stayed there
 *     (see {@code Motion}); null without positions, and in metrics stored before it was counted
 */
public record ActivityMetrics(
    double elapsedSeconds,
    double movingSeconds,
    Double distanceMeters,
    Double elevationGainMeters,
    Double elevationLossMeters,
    Double minAltitudeMeters,
    Double maxAltitudeMeters,
    Double averageSpeed,
    Double maxSpeed,
    Double averageHeartRate,
    Double maxHeartRate,
    Double averageCadence,
    Double maxCadence,
    Double averagePower,
    Double maxPower,
    Double averageTemperature,
    Integer estimatedCalories,
    List<SplitEntry> splitsKilometre,
    List<SplitEntry> splitsMile,
    List<BestEffortEntry> bestEfforts,
    HeartRateZoneEntry heartRateZones,
    Double gradeAdjustedSpeed,
    List<SegmentEntry> segments,
    List<PauseEntry> pauses,
    Integer gpsJumps) {

  /**
   * A stretch recorded without a pause (GPX track segment, FIT timer start to stop); see {@code
   * Segments}.
   */
  public record SegmentEntry(
      int number,
      double startSecond,
      double elapsedSeconds,
      double movingSeconds,
      Double distanceMeters,
      Double elevationGainMeters,
      Double elevationLossMeters) {}

  /**
   * A time the device was not recording: {@code seconds} long, {@code startSecond} into the
   * activity.
   */
  public record PauseEntry(double startSecond, double seconds) {}

  /** A split: see {@code Splits}. */
  public record SplitEntry(
      int number,
      double meters,
      double elapsedSeconds,
      double movingSeconds,
      Double elevationChange,
      Double averageHeartRate,
      Double averageSpeed) {}

  /** The fastest stretch of a named distance, starting {@code startSecond} into the activity. */
  public record BestEffortEntry(String name, double meters, double seconds, double startSecond) {}

  /** Lower bounds (bpm) of zones 2–5 and seconds in zones 1–5. */
  public record HeartRateZoneEntry(List<Integer> lowerBounds, List<Double> seconds) {}
}
