package io.stride.analytics.community;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a region's athletes did in a sport in a week, counted over public workouts of public
 * accounts only, and shown only when at least {@code minimumAthletes} athletes are in it
 * (k-anonymity); otherwise the figures are null and {@code suppressed} is true.
 *
 * @param from the week's first day (the region's first day of the week)
 * @param athletes how many athletes the figures are of
 * @param averageDistanceMeters per athlete
 */
record RegionWeekResponse(
    @Schema(example = "DE") String region,
    @Schema(example = "run") String sport,
    LocalDate from,
    LocalDate to,
    int minimumAthletes,
    boolean suppressed,
    @Nullable Integer athletes,
    @Nullable Integer workouts,
    @Nullable Double distanceMeters,
    @Nullable Long movingSeconds,
    @Nullable Double averageDistanceMeters,
    @Schema(example = "12 athletes in DE averaged 23.4 km (run) in the week from 2026-11-30")
        @Nullable String summary) {}
