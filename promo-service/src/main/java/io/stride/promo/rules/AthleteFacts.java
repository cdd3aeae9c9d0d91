package io.stride.promo.rules;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the rules know of an athlete, from promo-service's copy (fed by events).
 *
 * @param registeredAt when the account was made; null until UserRegistered arrives
 * @param region the profile's region code, or null
 * @param sports the sports the athlete has recorded (wire names: {@code run}, {@code ride} …)
 * @param challenges ids of challenges completed
 * @param badges wire names of badges earned
 */
public record AthleteFacts(
    @Nullable Instant registeredAt,
    @Nullable String region,
    int level,
    int workoutsRecorded,
    int longestDailyStreak,
    Set<String> sports,
    Set<String> challenges,
    Set<String> badges) {

  public AthleteFacts {
    sports = Set.copyOf(sports);
    challenges = Set.copyOf(challenges);
    badges = Set.copyOf(badges);
  }

  /** An athlete the copy has not heard of yet: nothing done, level 1, no region. */
  public static AthleteFacts unknown() {
    return new AthleteFacts(null, null, 1, 0, 0, Set.of(), Set.of(), Set.of());
  }
}
