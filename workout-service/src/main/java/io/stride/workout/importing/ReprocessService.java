package io.stride.workout.importing;

import io.stride.workout.activity.RecordedActivity;
import io.stride.workout.importing.formats.UnreadableFileException;
import io.stride.workout.metrics.Sport;
import io.stride.workout.workouts.WorkoutRecordings;
import io.stride.workout.workouts.WorkoutService;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Processes an imported workout's original file again with today's readers and metrics (after an
 * algorithm improved), keeping what the athlete set: title, notes, sport, visibility.
 */
@Service
class ReprocessService {

  private final OriginalFiles originals;
  private final WorkoutService workouts;
  private final WorkoutRecordings recordings;

  ReprocessService(OriginalFiles originals, WorkoutService workouts, WorkoutRecordings recordings) {
    this.originals = originals;
    this.workouts = workouts;
    this.recordings = recordings;
  }

  @Transactional
  void reprocess(UUID owner, UUID workoutId) {
    UUID importId = workouts.importOf(owner, workoutId);
    Sport sport = workouts.sportOf(owner, workoutId);
    RecordedActivity activity;
    try {
      activity = originals.reread(owner, importId, sport);
    } catch (UnreadableFileException e) {
      throw new IllegalStateException(
          "the stored original of " + workoutId + " no longer reads", e);
    }
    recordings.replace(workoutId, activity);
  }
}
