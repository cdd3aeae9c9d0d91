package io.stride.gamification.badges;

import static io.stride.gamification.scoring.Workouts.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.gamification.holidays.RegionHolidays;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PublicHolidayBadgeTests {

  private final PublicHolidayBadge rule = new PublicHolidayBadge();
  private final RegionHolidays holidays = new RegionHolidays();

  @Test
  void aWorkoutOnAPublicHolidayOfTheAthletesRegionEarnsIt() {
    var germanUnityDay = run("2026-10-03T09:00:00", "Europe/Berlin");

    assertThat(
            rule.earned(
                Histories.in(ZoneId.of("Europe/Berlin"), holidays.of("DE"), germanUnityDay)))
        .hasSize(1);
    assertThat(
            rule.earned(
                Histories.in(ZoneId.of("Europe/Berlin"), holidays.of("FR"), germanUnityDay)))
        .as("3 October is no holiday in France")
        .isEmpty();
  }

  @Test
  void aSubdivisionsOwnHolidayCountsThere() {
    var epiphany = run("2026-01-06T09:00:00", "Europe/Berlin");
    ZoneId berlin = ZoneId.of("Europe/Berlin");

    assertThat(rule.earned(Histories.in(berlin, holidays.of("DE-BY"), epiphany))).hasSize(1);
    assertThat(rule.earned(Histories.in(berlin, holidays.of("DE-BE"), epiphany))).isEmpty();
  }

  @Test
  void withoutARegionThereAreNoHolidays() {
    assertThat(
            rule.earned(
                Histories.in(ZoneId.of("UTC"), holidays.of(null), run("2026-12-25T09:00:00Z"))))
        .isEmpty();
  }
}
