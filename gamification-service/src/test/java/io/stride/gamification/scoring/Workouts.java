package io.stride.gamification.scoring;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

/** Workouts for the rule tests: a plausible recorded one, changed one fact at a time. */
public final class Workouts {

  private Workouts() {}

  /** A 10 km run of 50 minutes with 100 m of climbing, recorded by a watch, at {@code start}. */
  public static WorkoutFact run(Instant start) {
    return new WorkoutFact(
        UUID.randomUUID(),
        "run",
        start,
        3000,
        3000L,
        10_000.0,
        100.0,
        150,
        180,
        5.0,
        0,
        "public",
        "file",
        false);
  }

  /** The same run, starting at {@code local} on the clock of {@code zone}. */
  public static WorkoutFact run(String local, String zone) {
    return run(LocalDateTime.parse(local).atZone(ZoneId.of(zone)).toInstant());
  }

  public static WorkoutFact run(String utc) {
    return run(Instant.parse(utc));
  }

  public static WorkoutFact withSport(WorkoutFact w, String sport) {
    return new WorkoutFact(
        w.workoutId(),
        sport,
        w.startTime(),
        w.elapsedSeconds(),
        w.movingSeconds(),
        w.distanceMeters(),
        w.elevationGainMeters(),
        w.averageHeartRate(),
        w.maxHeartRate(),
        w.maxSpeedMetersPerSecond(),
        w.gpsJumps(),
        w.visibility(),
        w.source(),
        w.personalRecord());
  }

  public static WorkoutFact withDistance(WorkoutFact w, double meters, long seconds) {
    return new WorkoutFact(
        w.workoutId(),
        w.sport(),
        w.startTime(),
        seconds,
        seconds,
        meters,
        w.elevationGainMeters(),
        w.averageHeartRate(),
        w.maxHeartRate(),
        w.maxSpeedMetersPerSecond(),
        w.gpsJumps(),
        w.visibility(),
        w.source(),
        w.personalRecord());
  }

  public static WorkoutFact withHeartRate(WorkoutFact w, Integer average, Integer max) {
    return new WorkoutFact(
        w.workoutId(),
        w.sport(),
        w.startTime(),
        w.elapsedSeconds(),
        w.movingSeconds(),
        w.distanceMeters(),
        w.elevationGainMeters(),
        average,
        max,
        w.maxSpeedMetersPerSecond(),
        w.gpsJumps(),
        w.visibility(),
        w.source(),
        w.personalRecord());
  }

  public static WorkoutFact withMaxSpeed(WorkoutFact w, double metersPerSecond) {
    return new WorkoutFact(
        w.workoutId(),
        w.sport(),
        w.startTime(),
        w.elapsedSeconds(),
        w.movingSeconds(),
        w.distanceMeters(),
        w.elevationGainMeters(),
        w.averageHeartRate(),
        w.maxHeartRate(),
        metersPerSecond,
        w.gpsJumps(),
        w.visibility(),
        w.source(),
        w.personalRecord());
  }

  public static WorkoutFact withGpsJumps(WorkoutFact w, int jumps) {
    return new WorkoutFact(
        w.workoutId(),
        w.sport(),
        w.startTime(),
        w.elapsedSeconds(),
        w.movingSeconds(),
        w.distanceMeters(),
        w.elevationGainMeters(),
        w.averageHeartRate(),
        w.maxHeartRate(),
        w.maxSpeedMetersPerSecond(),
        jumps,
        w.visibility(),
        w.source(),
        w.personalRecord());
  }

  /** Entered by hand: no heart rate, no samples. */
  public static WorkoutFact manual(WorkoutFact w) {
    return new WorkoutFact(
        w.workoutId(),
        w.sport(),
        w.startTime(),
        w.elapsedSeconds(),
        w.movingSeconds(),
        w.distanceMeters(),
        w.elevationGainMeters(),
        null,
        null,
        null,
        null,
        w.visibility(),
        "manual",
        w.personalRecord());
  }

  public static WorkoutFact withRecord(WorkoutFact w) {
    return new WorkoutFact(
        w.workoutId(),
        w.sport(),
        w.startTime(),
        w.elapsedSeconds(),
        w.movingSeconds(),
        w.distanceMeters(),
        w.elevationGainMeters(),
        w.averageHeartRate(),
        w.maxHeartRate(),
        w.maxSpeedMetersPerSecond(),
        w.gpsJumps(),
        w.visibility(),
        w.source(),
        true);
  }
}
