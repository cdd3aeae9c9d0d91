package io.stride.workout.readings;

import io.stride.workout.config.WorkoutApiDocs;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A batch from one device. {@code batch} is the device's own sequence number for the batch: a batch
 * number seen before is acknowledged and not stored again, so retries are harmless; batches may
 * arrive in any order. Samples are also unique per device, type and time.
 */
record ReadingBatchRequest(
    @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9._:-]+")
        @Schema(example = "forerunner-265:3f9a")
        String deviceId,
    @NotNull @PositiveOrZero @Schema(example = "42") Long batch,
    @NotNull @Size(min = 1, max = 5_000) List<Sample> samples) {

  /** One sample: {@code value}, or for {@code gps} {@code lat}, {@code lng} and {@code alt}. */
  record Sample(
      @Schema(ref = WorkoutApiDocs.READING_TYPE) String type,
      @Schema(example = "2026-11-28T07:30:05Z") Instant time,
      @Schema(example = "142") @Nullable Double value,
      @Schema(example = "51.5079") @Nullable Double lat,
      @Schema(example = "-0.0877") @Nullable Double lng,
      @Schema(example = "12.4") @Nullable Double alt) {}
}
