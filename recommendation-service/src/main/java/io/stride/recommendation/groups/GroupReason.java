package io.stride.recommendation.groups;

import io.stride.recommendation.athletes.Sports;
import org.jspecify.annotations.Nullable;

/**
 * Why a challenge or club is suggested: {@code friends} ({@code count} people you follow are in
 * it), {@code sport} (it is one of your sports), {@code goal-fits} ({@code percent}: what your
 * usual pace reaches by its end, of its target) or {@code local} (your region or club).
 */
public record GroupReason(
    String code, @Nullable Integer count, @Nullable String sport, @Nullable Integer percent) {

  static GroupReason friends(int count) {
    return new GroupReason("friends", count, null, null);
  }

  static GroupReason sport(String sport) {
    return new GroupReason("sport", null, sport, null);
  }

  static GroupReason goalFits(double expectedShare) {
    return new GroupReason("goal-fits", null, null, (int) Math.round(expectedShare * 100));
  }

  static GroupReason local() {
    return new GroupReason("local", null, null, null);
  }

  String text(String noun) {
    return switch (code) {
      case "friends" ->
          count == 1
              ? "1 athlete you follow is in this " + noun
              : count + " athletes you follow are in this " + noun;
      case "sport" -> "For " + Sports.label(sport) + ", one of your sports";
      case "goal-fits" ->
          "At your usual pace you would reach " + percent + "% of the goal by the end";
      default ->
          "challenge".equals(noun) ? "For athletes of your region or club" : "In your region";
    };
  }
}
