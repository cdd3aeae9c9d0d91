package io.stride.promo.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** What an athlete can have done, for has-done and has-not-done rules. */
@Schema(
    name = "Activity",
    description =
        "workout: workouts recorded (atLeast, default 1); daily-streak: the longest daily streak"
            + " (atLeast days); challenge: completed the challenge ref (its id); badge: earned the"
            + " badge ref (its wire name)")
public enum Activity {
  @JsonProperty("workout")
  WORKOUT,
  @JsonProperty("daily-streak")
  DAILY_STREAK,
  @JsonProperty("challenge")
  CHALLENGE,
  @JsonProperty("badge")
  BADGE;

  boolean done(AthleteFacts athlete, String ref, int atLeast) {
    return switch (this) {
      case WORKOUT -> athlete.workoutsRecorded() >= atLeast;
      case DAILY_STREAK -> athlete.longestDailyStreak() >= atLeast;
      case CHALLENGE -> athlete.challenges().contains(ref);
      case BADGE -> athlete.badges().contains(ref);
    };
  }

  /**
   * "recorded 3 workouts", "kept a 30-day streak", "completed the challenge", "earned the badge".
   */
  String phrase(String ref, int atLeast) {
    return switch (this) {
      case WORKOUT -> atLeast == 1 ? "recorded a workout" : "recorded " + atLeast + " workouts";
      case DAILY_STREAK -> "kept a " + atLeast + "-day streak";
      case CHALLENGE -> "completed the challenge " + ref;
      case BADGE -> "earned the badge " + ref.replace('_', ' ');
    };
  }

  boolean needsRef() {
    return this == CHALLENGE || this == BADGE;
  }
}
