package io.stride.workout.workouts;

import java.util.List;

/**
 * A page of workouts, newest first; pass {@code nextCursor} back for the next page (null at the
 * end).
 */
record WorkoutPage(List<WorkoutListItem> items, String nextCursor) {}
