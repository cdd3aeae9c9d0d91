package io.stride.gamification.challenges;

import java.util.Locale;

/** Who a challenge is open to: everyone, the athletes of one region, or one club's members. */
public enum Reach {
  EVERYONE,
  REGION,
  CLUB;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Reach ofWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
