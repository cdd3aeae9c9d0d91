package io.stride.analytics.load;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The facts of one workout the load formulas read.
 *
 * @param durationSeconds moving time, or elapsed time where the workout has no moving time
 * @param zoneSeconds seconds in heart-rate zones 1 to 5, null without heart rate
 * @param perceivedEffort 1–10 (Borg CR-10), null when the athlete did not rate it
 * @param day the athlete's local day of the workout (their age on it)
 */
public record LoadInput(
    long durationSeconds,
    @Nullable Integer averageHeartRate,
    @Nullable List<Double> zoneSeconds,
    @Nullable Integer perceivedEffort,
    LocalDate day) {}
