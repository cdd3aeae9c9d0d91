package io.stride.promo.rules;

import java.util.Optional;

final class ActivityChecks {

  private ActivityChecks() {}

  static Optional<String> problem(Activity activity, String ref, Integer atLeast) {
    if (activity == null) {
      return Optional.empty();
    }
    if (activity.needsRef() && ref == null) {
      return Optional.of("needs ref: the challenge's id or the badge's wire name");
    }
    if (!activity.needsRef() && ref != null) {
      return Optional.of("ref goes only with challenge and badge");
    }
    if (activity.needsRef() && atLeast != null) {
      return Optional.of("atLeast goes only with workout and daily-streak");
    }
    return Optional.empty();
  }
}
