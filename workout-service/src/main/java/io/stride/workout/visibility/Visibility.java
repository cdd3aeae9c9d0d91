package io.stride.workout.visibility;

import java.util.Locale;

/**
 * Who may see a workout besides its owner, from the most people to the fewest (stricter = later).
 */
public enum Visibility {
  PUBLIC,
  FOLLOWERS,
  PRIVATE;

  public static Visibility fromApiName(String name) {
    if (name == null) {
      return null;
    }
    for (Visibility v : values()) {
      if (v.name().equalsIgnoreCase(name.trim())) {
        return v;
      }
    }
    return null;
  }

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
