package io.stride.workout.gear;

import java.util.Arrays;
import java.util.Locale;

/** What a piece of gear is; stored and shown by its API name. */
enum GearKind {
  SHOES,
  BIKE,
  OTHER;

  String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind of an API name ({@code shoes}, case-insensitive); null if unknown. */
  static GearKind fromApiName(String name) {
    return name == null
        ? null
        : Arrays.stream(values())
            .filter(kind -> kind.name().equalsIgnoreCase(name.trim()))
            .findFirst()
            .orElse(null);
  }
}
