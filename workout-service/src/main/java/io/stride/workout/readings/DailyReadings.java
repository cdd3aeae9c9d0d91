package io.stride.workout.readings;

import java.time.LocalDate;

/** One day's aggregates; a figure with no samples that day is null. */
record DailyReadings(
    LocalDate day,
    Long steps,
    Long restingHeartRate,
    Long averageHeartRate,
    Long maxHeartRate,
    Double weightKg) {}
