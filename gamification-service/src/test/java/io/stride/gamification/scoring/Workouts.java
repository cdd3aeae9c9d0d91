package io.stride.gamification.scoring;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Consumer;

/** Workouts for the rule tests: a plausible recorded one, changed one fact at a time. */
public final class Workouts {

  /** The facts of a workout being changed. */
  private static final class Draft {
    UUID workoutId;
    String sport;
    Instant startTime;
    long elapsedSeconds;
    Long movingSeconds;
    Double distanceMeters;
    Double elevationGainMeters;
    Integer averageHeartRate;
    Integer maxHeartRate;
    Double maxSpeed;
    Integer gpsJumps;
    String visibility;
    String source;
    boolean personalRecord;

    Draft(WorkoutFact w) {
      workoutId = w.workoutId();
      sport = w.sport();
      startTime = w.startTime();
      elapsedSeconds = w.elapsedSeconds();
      movingSeconds = w.movingSeconds();
      distanceMeters = w.distanceMeters();
      elevationGainMeters = w.elevationGainMeters();
      averageHeartRate = w.averageHeartRate();
      maxHeartRate = w.maxHeartRate();
      maxSpeed = w.maxSpeedMetersPerSecond();
      gpsJumps = w.gpsJumps();
      visibility = w.visibility();
      source = w.source();
      personalRecord = w.personalRecord();
    }

    WorkoutFact fact() {
      return new WorkoutFact(
          workoutId,
          sport,
          startTime,
          elapsedSeconds,
          movingSeconds,
          distanceMeters,
          elevationGainMeters,
          averageHeartRate,
          maxHeartRate,
          maxSpeed,
          gpsJumps,
          visibility,
          source,
          personalRecord);
    }
  }

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
    return changed(w, d -> d.sport = sport);
  }

  public static WorkoutFact withDistance(WorkoutFact w, double meters, long seconds) {
    return changed(
        w,
        d -> {
          d.distanceMeters = meters;
          d.elapsedSeconds = seconds;
          d.movingSeconds = seconds;
        });
  }

  public static WorkoutFact withHeartRate(WorkoutFact w, Integer average, Integer max) {
    return changed(
        w,
        d -> {
          d.averageHeartRate = average;
          d.maxHeartRate = max;
        });
  }

  public static WorkoutFact withMaxSpeed(WorkoutFact w, double metersPerSecond) {
    return changed(w, d -> d.maxSpeed = metersPerSecond);
  }

  public static WorkoutFact withGpsJumps(WorkoutFact w, int jumps) {
    return changed(w, d -> d.gpsJumps = jumps);
  }

  /** Entered by hand: no heart rate, no samples. */
  public static WorkoutFact manual(WorkoutFact w) {
    return changed(
        w,
        d -> {
          d.averageHeartRate = null;
          d.maxHeartRate = null;
          d.maxSpeed = null;
          d.gpsJumps = null;
          d.source = "manual";
        });
  }

  public static WorkoutFact withRecord(WorkoutFact w) {
    return changed(w, d -> d.personalRecord = true);
  }

  private static WorkoutFact changed(WorkoutFact w, Consumer<Draft> change) {
    Draft draft = new Draft(w);
    change.accept(draft);
    return draft.fact();
  }
}
