package io.stride.contracts.workout;

import io.stride.contracts.Topic;

/** Topics written by workout-service. */
public final class WorkoutTopics {

  /** Workout lifecycle; key = workout id, so one workout's events stay in order. */
  public static final Topic WORKOUTS =
      Topic.of(
          "stride.workout.workouts",
          "workout-service",
          WorkoutRecorded.class,
          WorkoutUpdated.class,
          WorkoutDeleted.class);

  /**
   * Milestones of an athlete's training: new personal bests, gear that reached its reminder
   * distance; key = user id.
   */
  public static final Topic RECORDS =
      Topic.of(
          "stride.workout.records",
          "workout-service",
          PersonalRecordSet.class,
          GearDistanceReached.class);

  /**
   * Daily summaries of an athlete's tracker readings (resting heart rate, steps); key = user id.
   */
  public static final Topic READINGS =
      Topic.of("stride.workout.readings", "workout-service", DailyReadingsSummarized.class);

  /**
   * How imports ended: failed (for the athlete to hear of) or completed (for the partner that
   * pushed the file); key = user id.
   */
  public static final Topic IMPORTS =
      Topic.of(
          "stride.workout.imports", "workout-service", ImportFailed.class, ImportCompleted.class);

  private WorkoutTopics() {}
}
