package io.stride.notification.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTests {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final DeliverySettings NIGHTS =
      new DeliverySettings(LocalTime.of(22, 0), LocalTime.of(7, 0), 10, EmailDigest.OFF);

  @Test
  void outsideQuietHoursItGoesNow() {
    Instant noon = Instant.parse("2026-06-10T10:00:00Z");
    assertThat(QuietHours.sendAt(noon, NIGHTS, BERLIN)).isEqualTo(noon);
  }

  @Test
  void lateInTheEveningItWaitsForTheNextMorningInThePersonsZone() {
    Instant evening = Instant.parse("2026-06-10T21:30:00Z"); // 23:30 in Berlin (summer)
    assertThat(QuietHours.sendAt(evening, NIGHTS, BERLIN))
        .isEqualTo(Instant.parse("2026-06-11T05:00:00Z")); // 07:00 in Berlin
  }

  @Test
  void afterMidnightItWaitsForTheSameMorning() {
    Instant night = Instant.parse("2026-06-11T01:00:00Z"); // 03:00 in Berlin
    assertThat(QuietHours.sendAt(night, NIGHTS, BERLIN))
        .isEqualTo(Instant.parse("2026-06-11T05:00:00Z"));
  }

  @Test
  void theEndOfQuietHoursOnTheNightClocksGoForwardIsTheLocalEndOfThatNewDay() {
    DeliverySettings untilHalfTwo =
        new DeliverySettings(LocalTime.of(22, 0), LocalTime.of(2, 30), 10, EmailDigest.OFF);
    Instant night = Instant.parse("2026-03-29T00:30:00Z"); // 01:30 CET; 02:30 does not exist
    assertThat(QuietHours.sendAt(night, untilHalfTwo, BERLIN))
        .isEqualTo(Instant.parse("2026-03-29T01:30:00Z")); // 03:30 CEST, the first instant after
  }

  @Test
  void quietHoursWithinOneDayHoldOnlyInside() {
    DeliverySettings lunch =
        new DeliverySettings(LocalTime.of(12, 0), LocalTime.of(13, 0), 10, EmailDigest.OFF);
    ZoneId utc = ZoneId.of("UTC");
    assertThat(QuietHours.sendAt(Instant.parse("2026-06-10T12:15:00Z"), lunch, utc))
        .isEqualTo(Instant.parse("2026-06-10T13:00:00Z"));
    assertThat(QuietHours.sendAt(Instant.parse("2026-06-10T13:00:00Z"), lunch, utc))
        .isEqualTo(Instant.parse("2026-06-10T13:00:00Z"));
  }

  @Test
  void noQuietHoursNeverHoldsBack() {
    Instant any = Instant.parse("2026-06-10T23:00:00Z");
    assertThat(QuietHours.sendAt(any, DeliverySettings.DEFAULTS, BERLIN)).isEqualTo(any);
  }
}
