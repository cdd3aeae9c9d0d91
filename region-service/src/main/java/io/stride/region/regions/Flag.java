package io.stride.region.regions;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

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
  CHALLENGES;

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Flag> fromWireName(String name) {
    return Arrays.stream(values()).filter(flag -> flag.wireName().equals(name)).findFirst();
  }
}
