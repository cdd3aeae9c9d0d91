package io.stride.workout.readings;

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
    @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+") String deviceId,
    @NotNull @PositiveOrZero Long batch,
    @NotNull @Size(min = 1, max = 5_000) List<Sample> samples) {

  /** One sample: {@code value}, or for {@code gps} {@code lat}, {@code lng} and {@code alt}. */
  record Sample(
      String type,
      Instant time,
      @Nullable Double value,
      @Nullable Double lat,
      @Nullable Double lng,
      @Nullable Double alt) {}
}
