package io.stride.analytics.workouts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A workout's training load by each method it allows, and the one the fitness model uses.
 *
 * @param day the local day the load counts on
 * @param durationSeconds moving time (elapsed where none was recorded), what the formulas read
 * @param trimp Banister TRIMP from the average heart rate
 * @param hrTss the zone score from the seconds in each heart-rate zone
 * @param sessionRpe Foster's session RPE, minutes × perceived effort (arbitrary units)
 * @param load what the fitness model adds: the method's number (session RPE scaled so that an hour
 *     at RPE 7 is 100)
 * @param method hr-zones, trimp, session-rpe or none
 */
public record WorkoutLoadResponse(
    UUID workoutId,
    @Schema(example = "run") String sport,
    Instant startTime,
    LocalDate day,
    long durationSeconds,
    @Nullable Integer averageHeartRate,
    @Nullable Integer perceivedEffort,
    @Nullable Double trimp,
    @Nullable Double hrTss,
    @Nullable Double sessionRpe,
    double load,
    @Schema(allowableValues = {"hr-zones", "trimp", "session-rpe", "none"}) String method) {}
