package io.stride.gamification.badges;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Lifetime distance cycling: 500, 1000, 5000, 10000 km. */
@Component
class CyclingDistanceBadge extends DistanceMilestoneBadge {

  CyclingDistanceBadge() {
    super(
        "cycling",
        "cycling",
        Set.of("ride", "mountain_bike", "indoor_ride"),
        List.of(500, 1000, 5000, 10000));
  }
}
