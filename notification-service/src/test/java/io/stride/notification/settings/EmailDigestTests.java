package io.stride.notification.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EmailDigestTests {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void theDailyDigestGoesAtTheNextEightOClockInThePersonsZone() {
    // Thursday 2026-12-03, 06:30 UTC = 07:30 in Berlin
    Instant beforeEight = Instant.parse("2026-12-03T06:30:00Z");
    assertThat(EmailDigest.DAILY.next(beforeEight, BERLIN))
        .isEqualTo(Instant.parse("2026-12-03T07:00:00Z"));
    assertThat(EmailDigest.DAILY.next(beforeEight, ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2026-12-03T08:00:00Z"));
  }

  @Test
  void atOrAfterEightTheDailyDigestWaitsForTomorrow() {
    Instant atEight = Instant.parse("2026-12-03T07:00:00Z");
    assertThat(EmailDigest.DAILY.next(atEight, BERLIN))
        .isEqualTo(Instant.parse("2026-12-04T07:00:00Z"));
  }

  @Test
  void theWeeklyDigestGoesOnMondaysAndAfterMondaysEightOnTheNextMonday() {
    Instant thursday = Instant.parse("2026-12-03T12:00:00Z");
    assertThat(EmailDigest.WEEKLY.next(thursday, BERLIN))
        .isEqualTo(Instant.parse("2026-12-07T07:00:00Z"));
    Instant mondayMorning = Instant.parse("2026-12-07T06:59:00Z");
    assertThat(EmailDigest.WEEKLY.next(mondayMorning, BERLIN))
        .isEqualTo(Instant.parse("2026-12-07T07:00:00Z"));
    Instant mondayNoon = Instant.parse("2026-12-07T11:00:00Z");
    assertThat(EmailDigest.WEEKLY.next(mondayNoon, BERLIN))
        .isEqualTo(Instant.parse("2026-12-14T07:00:00Z"));
  }

  @Test
  void eightOClockStaysEightOClockLocalAcrossTheChangeToSummerTime() {
    // Berlin moves to summer time on Sunday 2027-03-28: 08:00 is 07:00 UTC before, 06:00 after
    Instant saturday = Instant.parse("2027-03-27T10:00:00Z");
    assertThat(EmailDigest.DAILY.next(saturday, BERLIN))
        .isEqualTo(Instant.parse("2027-03-28T06:00:00Z"));
  }

  @Test
  void emailsOneByOneHaveNoDigestTimeAndOnlyTheThreeChoicesAreKnown() {
    assertThat(EmailDigest.OFF.next(Instant.now(), BERLIN)).isNull();
    assertThat(EmailDigest.ofKey("weekly")).contains(EmailDigest.WEEKLY);
    assertThat(EmailDigest.ofKey("hourly")).isEmpty();
  }
}
