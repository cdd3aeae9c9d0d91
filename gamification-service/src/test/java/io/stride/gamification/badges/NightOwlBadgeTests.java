package io.stride.gamification.badges;

import static io.stride.gamification.scoring.Workouts.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class NightOwlBadgeTests {

  private final NightOwlBadge rule = new NightOwlBadge();

  @Test
  void aWorkoutStartedFromNineAtNightUntilFourEarnsIt() {
    assertThat(rule.earned(Histories.of(run("2026-06-01T21:00:00Z")))).hasSize(1);
    assertThat(rule.earned(Histories.of(run("2026-06-01T02:00:00Z")))).hasSize(1);
    assertThat(rule.earned(Histories.of(run("2026-06-01T20:59:00Z"), run("2026-06-02T04:00:00Z"))))
        .isEmpty();
  }

  @Test
  void theHourIsTheAthletesOwn() {
    var lateInBerlin = run("2026-06-01T22:15:00", "Europe/Berlin");

    assertThat(rule.earned(Histories.in(ZoneId.of("Europe/Berlin"), d -> false, lateInBerlin)))
        .hasSize(1);
    assertThat(rule.earned(Histories.in(ZoneId.of("America/New_York"), d -> false, lateInBerlin)))
        .as("16:15 in New York")
        .isEmpty();
  }
}
