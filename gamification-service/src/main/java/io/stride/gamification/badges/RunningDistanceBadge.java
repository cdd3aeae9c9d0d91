package io.stride.gamification.badges;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Lifetime distance running: 100, 500, 1000, 5000 km. */
@Component
class RunningDistanceBadge extends DistanceMilestoneBadge {

  RunningDistanceBadge() {
    super("running", "running", Set.of("run", "trail_run"), List.of(100, 500, 1000, 5000));
  }
}
