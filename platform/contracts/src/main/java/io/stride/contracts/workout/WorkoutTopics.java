package io.stride.contracts.workout;

/** Topics written by workout-service. */
public final class WorkoutTopics {

  /**
   * Workout lifecycle: {@link WorkoutRecorded}, {@link WorkoutUpdated}, {@link WorkoutDeleted}; key
   * = workout id, so one workout's events stay in order.
   */
  public static final String WORKOUTS = "stride.workout.workouts";

  /** New personal bests: {@link PersonalRecordSet}; key = user id. */
  public static final String RECORDS = "stride.workout.records";

  private WorkoutTopics() {}
}
