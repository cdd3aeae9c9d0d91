package io.stride.workout.importing;

import io.stride.workout.activity.ParsedActivity;
import io.stride.workout.activity.RecordedActivity;
import io.stride.workout.athletes.Athletes;
import io.stride.workout.importing.formats.ActivityFiles;
import io.stride.workout.importing.formats.Limits;
import io.stride.workout.metrics.Sport;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Uploaded and pushed files as kept in {@code workout_import_file}, and what they become: read into
 * an activity, then, with the athlete's body data, into a recorded activity with its metrics. Used
 * for a first import and for processing a workout again alike.
 */
@Component
class OriginalFiles {

  private final JdbcClient jdbc;
  private final Athletes athletes;
  private final ActivityFiles files = new ActivityFiles(Limits.DEFAULT);

  OriginalFiles(JdbcClient jdbc, Athletes athletes) {
    this.jdbc = jdbc;
    this.athletes = athletes;
  }

  /** Keeps an accepted file, in the transaction that creates its import. */
  void keep(UUID importId, byte[] content) {
    jdbc.sql("insert into workout_import_file (import_id, content) values (?, ?)")
        .params(importId, content)
        .update();
  }

  byte[] load(UUID importId) {
    return jdbc.sql("select content from workout_import_file where import_id = ?")
        .param(importId)
        .query(byte[].class)
        .single();
  }

  /** Reads a file; an unreadable one throws {@code UnreadableFileException} with the reason. */
  ParsedActivity read(UUID owner, byte[] content) {
    return files.read(content, athletes.of(owner).timeZone());
  }

  /**
   * An imported workout's stored original, read again with today's readers and metrics; an original
   * that no longer reads throws {@code UnreadableFileException} with the reason.
   */
  RecordedActivity reread(UUID owner, UUID importId, Sport sport) {
    return toActivity(owner, importId, sport, read(owner, load(importId)));
  }

  RecordedActivity toActivity(UUID owner, UUID importId, Sport sport, ParsedActivity parsed) {
    return toActivity(owner, importId, sport, parsed, null);
  }

  /** As {@link #toActivity(UUID, UUID, Sport, ParsedActivity)}, titled {@code title} if given. */
  RecordedActivity toActivity(
      UUID owner, UUID importId, Sport sport, ParsedActivity parsed, String title) {
    return new RecordedActivity(
        owner,
        RecordedActivity.Origin.FILE,
        sport,
        title != null ? title : parsed.name(),
        parsed.startTime(),
        parsed.recordingDevice(),
        parsed.device().name(),
        importId,
        parsed.track(),
        ImportedMetrics.of(parsed, sport, athletes.of(owner, parsed.startTime()).body()),
        parsed.deviceTotals(),
        parsed.laps());
  }
}
