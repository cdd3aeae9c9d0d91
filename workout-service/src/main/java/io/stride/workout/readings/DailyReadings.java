package io.stride.workout.readings;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One day's aggregates; a figure with no samples that day is null. */
record DailyReadings(
    LocalDate day,
    @Nullable Long steps,
    @Nullable Long restingHeartRate,
    @Nullable Long averageHeartRate,
    @Nullable Long maxHeartRate,
    @Nullable Double weightKg) {}
