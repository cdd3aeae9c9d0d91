package io.stride.analytics.load;

import org.jspecify.annotations.Nullable;

/**
 * A workout's training load by every method the workout allows, and the one the fitness model uses:
 * hrTSS from zones where there are zones, else TRIMP where there is a heart rate, else the scaled
 * session RPE where the athlete rated the effort, else 0.
 *
 * @param trimp Banister TRIMP, null without heart rate
 * @param hrTss the zone score, null without time in zones
 * @param sessionRpe Foster's session RPE in arbitrary units (minutes × RPE), null without a rating
 * @param load what the fitness model adds for this workout
 */
public record TrainingLoad(
    @Nullable Double trimp,
    @Nullable Double hrTss,
    @Nullable Double sessionRpe,
    double load,
    LoadMethod method) {}
