package io.stride.region.regions;

import java.util.Locale;

/**
 * The feature flags a region can switch (ADR 0023): a closed set, so an unknown flag is refused,
 * never stored. Wire names are snake case ({@code public_profiles}).
 */
enum Flag {
  LEADERBOARDS,
  PROMOS,
  CLUBS,
  PUBLIC_PROFILES,
  HEATMAPS,
  CHALLENGES,
  /** Public holidays of the region are rest days: they leave a daily streak intact. */
  HOLIDAY_REST_DAYS;

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
