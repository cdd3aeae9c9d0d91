package io.stride.recommendation.people;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Why a person is suggested, as data: {@code code} is {@code friends-in-common} (with {@code
 * count}), {@code club} (the first shared club; {@code count} clubs in all) or {@code nearby} (same
 * region, the shared {@code sport}, a similar level). The sentence is made on read.
 */
public record PersonReason(
    String code,
    @Nullable Integer count,
    @Nullable UUID clubId,
    @Nullable String clubName,
    @Nullable String sport) {

  static PersonReason friendsInCommon(int count) {
    return new PersonReason("friends-in-common", count, null, null, null);
  }

  static PersonReason club(UUID clubId, String name, int count) {
    return new PersonReason("club", count, clubId, name, null);
  }

  static PersonReason nearby(@Nullable String sport) {
    return new PersonReason("nearby", null, null, null, sport);
  }

  /** The reason as a sentence for the athlete. */
  String text() {
    return switch (code) {
      case "friends-in-common" -> count == 1 ? "1 friend in common" : count + " friends in common";
      case "club" ->
          count != null && count > 1
              ? "In your clubs " + clubName + " and " + (count - 1) + " more"
              : "In your club " + clubName;
      default ->
          sport == null
              ? "Trains in your region at a level like yours"
              : "Does "
                  + io.stride.recommendation.athletes.Sports.label(sport)
                  + " in your region at a level like yours";
    };
  }
}
