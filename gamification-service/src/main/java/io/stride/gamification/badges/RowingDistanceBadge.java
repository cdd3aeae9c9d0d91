package io.stride.gamification.badges;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Lifetime distance rowing: 100, 500, 1000, 5000 km. */
@Component
class RowingDistanceBadge extends DistanceMilestoneBadge {

  RowingDistanceBadge() {
    super("rowing", "rowing", Set.of("rowing"), List.of(100, 500, 1000, 5000));
  }
}
