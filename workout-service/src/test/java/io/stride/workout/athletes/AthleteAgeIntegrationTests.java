package io.stride.workout.athletes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.profile.ProfileUpdated;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Metrics of an activity use the athlete's age on the day of the activity, not today's. */
@StrideIntegrationTest
class AthleteAgeIntegrationTests {

  @Autowired Athletes athletes;

  @Test
  void anOldWorkoutsAgeAndSo220MinusAgeAreThoseOfItsDay() {
    UUID user = UUID.randomUUID();
    LocalDate birth = LocalDate.of(1990, 4, 12);
    TopicWriter.send(
        new ProfileUpdated(
            user,
            "Ada",
            null,
            birth,
            "FEMALE",
            168,
            61.5,
            null,
            48,
            "METRIC",
            "Europe/Berlin",
            "PUBLIC",
            "PUBLIC",
            null,
            1));
    await().atMost(Duration.ofSeconds(20)).until(() -> athletes.of(user).body().age() != null);

    // the day before and the day of her 20th birthday, in her zone
    assertThat(athletes.of(user, Instant.parse("2010-04-11T12:00:00Z")).body().age()).isEqualTo(19);
    assertThat(athletes.of(user, Instant.parse("2010-04-12T06:00:00Z")).body().age()).isEqualTo(20);
    assertThat(athletes.of(user).body().age())
        .isEqualTo(Period.between(birth, LocalDate.now(ZoneOffset.UTC)).getYears());
  }
}
