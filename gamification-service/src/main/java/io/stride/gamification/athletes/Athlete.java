package io.stride.gamification.athletes;

import java.time.ZoneId;

/** What the rules need of an athlete's profile; UTC and no region until a profile arrives. */
public record Athlete(ZoneId zone, String region, boolean accountPrivate) {

  static final Athlete UNKNOWN = new Athlete(ZoneId.of("UTC"), null, false);
}
