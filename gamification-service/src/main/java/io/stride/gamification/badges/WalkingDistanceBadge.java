package io.stride.gamification.badges;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Lifetime distance walking and hiking: 100, 500, 1000, 5000 km. */
@Component
class WalkingDistanceBadge extends DistanceMilestoneBadge {

  WalkingDistanceBadge() {
    super("walking", "walking and hiking", Set.of("walk", "hike"), List.of(100, 500, 1000, 5000));
  }
}
