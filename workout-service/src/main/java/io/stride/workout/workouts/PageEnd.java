package io.stride.workout.workouts;

import io.stride.platform.paging.Cursor;
import java.time.Instant;
import java.util.UUID;

/** Where a page of workouts ended: the last item's start time and id, the list's sort key. */
record PageEnd(Instant startTime, UUID id) {

  static Cursor after(WorkoutListItem last) {
    return Cursor.of(last.startTime(), last.id());
  }

  /** The end of the previous page, {@code null} for the first; not a cursor we issued: 422. */
  static PageEnd decode(String cursor) {
    return Cursor.decode(cursor, key -> new PageEnd(key.instant(), key.uuid()));
  }
}
