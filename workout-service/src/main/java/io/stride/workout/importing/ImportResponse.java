package io.stride.workout.importing;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * An import's state: {@code queued}, {@code processing}, {@code done} (with the workout), {@code
 * failed} (with the reason), or {@code duplicate} (with the workout it duplicates).
 */
record ImportResponse(
    UUID id,
    String status,
    String fileName,
    String format,
    int sizeBytes,
    UUID workoutId,
    String reason,
    Instant createdAt,
    Instant finishedAt,
    Long processingMillis) {

  static ImportResponse of(WorkoutImport i) {
    return new ImportResponse(
        i.id(),
        i.status().name().toLowerCase(Locale.ROOT),
        i.fileName(),
        i.format(),
        i.sizeBytes(),
        i.workoutId(),
        i.reason(),
        i.createdAt(),
        i.finishedAt(),
        i.startedAt() != null && i.finishedAt() != null
            ? i.finishedAt().toEpochMilli() - i.startedAt().toEpochMilli()
            : null);
  }
}
