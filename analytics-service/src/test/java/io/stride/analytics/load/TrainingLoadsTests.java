package io.stride.analytics.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.analytics.athletes.Athlete;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked examples of docs/analytics.md, "Training load". */
class TrainingLoadsTests {

  static final LocalDate DAY = LocalDate.of(2026, 6, 1);

  static Athlete athlete(String sex, LocalDate birth, Integer max, Integer rest) {
    return new Athlete(ZoneId.of("UTC"), null, sex, birth, max, rest);
  }

  static LoadInput hour(Integer averageHr, List<Double> zones, Integer rpe) {
    return new LoadInput(3600, averageHr, zones, rpe, DAY);
  }

  @Test
  void anHourAt155WithRest50AndMax190IsATrimpOf121Point6ForAManAnd135Point4ForAWoman() {
    assertThat(TrainingLoads.of(hour(155, null, null), athlete("MALE", null, 190, 50)))
        .isEqualTo(new TrainingLoad(121.6, null, null, 121.6, LoadMethod.TRIMP));
    assertThat(TrainingLoads.trimp(hour(155, null, null), athlete("FEMALE", null, 190, 50)))
        .isEqualTo(135.4);
  }

  @Test
  void withoutMaleOrFemaleTheTrimpIsTheMeanOfBothCurves() {
    assertThat(TrainingLoads.trimp(hour(155, null, null), athlete("OTHER", null, 190, 50)))
        .isEqualTo(128.5);
    assertThat(TrainingLoads.trimp(hour(155, null, null), athlete(null, null, 190, 50)))
        .isEqualTo(128.5);
  }

  @Test
  void theMaximumHeartRateIsEstimatedFromTheAgeOnTheDayAndDefaultsTo190() {
    LoadInput workout = hour(150, null, null);
    assertThat(
            TrainingLoads.maxHeartRate(
                athlete(null, LocalDate.of(1986, 5, 31), null, null), workout))
        .as("40 on the day: 208 − 0.7 · 40")
        .isEqualTo(180);
    assertThat(TrainingLoads.maxHeartRate(athlete(null, null, null, null), workout)).isEqualTo(190);
    assertThat(TrainingLoads.restingHeartRate(athlete(null, null, null, null))).isEqualTo(60);
  }

  @Test
  void aHeartRateBelowRestCountsNothingAndOneAboveTheMaximumCountsAsTheMaximum() {
    Athlete athlete = athlete("MALE", null, 190, 50);
    assertThat(TrainingLoads.trimp(hour(45, null, null), athlete)).isZero();
    assertThat(TrainingLoads.trimp(hour(200, null, null), athlete))
        .isEqualTo(TrainingLoads.trimp(hour(190, null, null), athlete));
  }

  @Test
  void anHourOfTenMinutesZone1TwentyZone2TwentyZone3TenZone4Scores63Point9AndWinsOverTrimp() {
    List<Double> zones = List.of(600.0, 1200.0, 1200.0, 600.0, 0.0);
    TrainingLoad load = TrainingLoads.of(hour(150, zones, 6), athlete("MALE", null, 190, 50));
    assertThat(load.method()).isEqualTo(LoadMethod.HR_ZONES);
    assertThat(load.hrTss()).isEqualTo(63.9);
    assertThat(load.load()).isEqualTo(63.9);
    assertThat(load.trimp()).as("still shown").isNotNull();
    assertThat(load.sessionRpe()).isEqualTo(360.0);
  }

  @Test
  void zonesWithoutTimeOrNotFiveOfThemGiveNoZoneScore() {
    assertThat(TrainingLoads.hrTss(List.of(0.0, 0.0, 0.0, 0.0, 0.0))).isNull();
    assertThat(TrainingLoads.hrTss(List.of(600.0, 600.0, 600.0))).isNull();
  }

  @Test
  void withoutHeartRateFortyFiveMinutesAtRpe6Are270UnitsAndALoadOf64Point3() {
    LoadInput workout = new LoadInput(45 * 60, null, null, 6, DAY);
    assertThat(TrainingLoads.of(workout, Athlete.UNKNOWN))
        .isEqualTo(new TrainingLoad(null, null, 270.0, 64.3, LoadMethod.SESSION_RPE));
  }

  @Test
  void aWorkoutWithNeitherHeartRateNorRatingLoadsNothingAndSaysSo() {
    assertThat(TrainingLoads.of(hour(null, null, null), Athlete.UNKNOWN))
        .isEqualTo(new TrainingLoad(null, null, null, 0, LoadMethod.NONE));
    assertThat(LoadMethod.NONE.apiName()).isEqualTo("none");
    assertThat(LoadMethod.ofApiName("session-rpe")).isEqualTo(LoadMethod.SESSION_RPE);
  }
}
