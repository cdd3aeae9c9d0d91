package io.stride.workout.importing;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An import's state: {@code queued}, {@code processing}, {@code done} (with the workout), {@code
 * failed} (with the reason), or {@code duplicate} (with the workout it duplicates). {@code origin}
 * names the partner's app that pushed the file for the athlete; null for the athlete's own upload.
 */
record ImportResponse(
    UUID id,
    @Schema(allowableValues = {"queued", "processing", "done", "failed", "duplicate"})
        String status,
    @Nullable String fileName,
    @Schema(allowableValues = {"gpx", "tcx", "fit"}) @Nullable String format,
    int sizeBytes,
    @Nullable UUID workoutId,
    @Nullable String reason,
    Instant createdAt,
    @Nullable Instant finishedAt,
    @Nullable Long processingMillis,
    @Nullable String origin) {

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
            : null,
        i.origin());
  }
}
