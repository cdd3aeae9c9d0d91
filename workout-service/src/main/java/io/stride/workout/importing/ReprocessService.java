package io.stride.workout.importing;

import io.stride.workout.athletes.Athletes;
import io.stride.workout.importing.formats.ActivityFiles;
import io.stride.workout.importing.formats.Limits;
import io.stride.workout.importing.formats.ParsedActivity;
import io.stride.workout.importing.formats.UnreadableFileException;
import io.stride.workout.metrics.Sport;
import io.stride.workout.workouts.RecordedActivity;
import io.stride.workout.workouts.WorkoutRecordings;
import io.stride.workout.workouts.WorkoutService;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Processes an imported workout's original file again with today's readers and metrics (after an
 * algorithm improved), keeping what the athlete set: title, notes, sport, visibility.
 */
@Service
class ReprocessService {

  private final JdbcClient jdbc;
  private final WorkoutService workouts;
  private final WorkoutRecordings recordings;
  private final Athletes athletes;
  private final ActivityFiles files = new ActivityFiles(Limits.DEFAULT);

  ReprocessService(
      JdbcClient jdbc, WorkoutService workouts, WorkoutRecordings recordings, Athletes athletes) {
    this.jdbc = jdbc;
    this.workouts = workouts;
    this.recordings = recordings;
    this.athletes = athletes;
  }

  @Transactional
  void reprocess(UUID owner, UUID workoutId) {
    UUID importId = workouts.importOf(owner, workoutId);
    byte[] content =
        jdbc.sql("select content from workout_import_file where import_id = ?")
            .param(importId)
            .query(byte[].class)
            .single();
    ParsedActivity parsed;
    try {
      parsed = files.read(content);
    } catch (UnreadableFileException e) {
      throw new IllegalStateException(
          "the stored original of " + workoutId + " no longer reads", e);
    }
    Sport sport = workouts.sportOf(owner, workoutId);
    recordings.replace(
        workoutId,
        new RecordedActivity(
            owner,
            RecordedActivity.Origin.FILE,
            sport,
            parsed.name(),
            parsed.startTime(),
            parsed.recordingDevice(),
            importId,
            parsed.track(),
            ImportedMetrics.of(parsed, sport, athletes.of(owner).body()),
            parsed.deviceTotals(),
            parsed.laps()));
  }
}
