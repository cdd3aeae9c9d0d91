package io.stride.recommendation.training;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The numbers behind today's suggestion.
 *
 * @param readiness analytics' readiness, 0–100, null without enough history
 * @param form fitness minus fatigue (TSB)
 * @param acuteChronicRatio the last seven days' load over the last 28 days' (null before 28 days)
 * @param stateDay the day analytics' numbers hold for, null when there are none
 * @param daysSinceDemanding days since the last hard or long day, null when none in twelve weeks
 * @param daysInARow days trained in a row
 * @param longInLastWeek whether a long workout was done in the last seven days
 */
record TrainingNumbers(
    @Nullable Integer readiness,
    @Nullable Double form,
    @Nullable Double fitness,
    @Nullable Double fatigue,
    @Nullable Double acuteChronicRatio,
    @Nullable LocalDate stateDay,
    @Nullable Integer daysSinceDemanding,
    int daysInARow,
    boolean longInLastWeek) {}
