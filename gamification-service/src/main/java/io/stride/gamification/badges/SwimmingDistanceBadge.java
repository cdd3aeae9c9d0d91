package io.stride.gamification.badges;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Lifetime distance swimming: 10, 50, 100, 500 km. */
@Component
class SwimmingDistanceBadge extends DistanceMilestoneBadge {

  SwimmingDistanceBadge() {
    super("swimming", "swimming", Set.of("swim"), List.of(10, 50, 100, 500));
  }
}
