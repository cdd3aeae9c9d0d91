package io.stride.notification.settings;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * Emails one by one ({@code off}), or one email a day or a week with what is still unread: at 08:00
 * in the person's own time zone, the weekly one on Mondays. Security notices never wait for it.
 */
public enum EmailDigest {
  OFF,
  DAILY,
  WEEKLY;

  /** When the digest goes out, local time. */
  public static final LocalTime SEND_AT = LocalTime.of(8, 0);

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<EmailDigest> ofKey(String key) {
    for (EmailDigest digest : values()) {
      if (digest.key().equals(key)) {
        return Optional.of(digest);
      }
    }
    return Optional.empty();
  }

  /**
   * The first time after {@code now} this digest goes to someone living in {@code zone}: the next
   * 08:00 there (on a Monday, for the weekly one); null for {@code off}. On a day the clocks jump
   * past 08:00, it is the first moment after the jump.
   */
  public Instant next(Instant now, ZoneId zone) {
    if (this == OFF) {
      return null;
    }
    ZonedDateTime local = now.atZone(zone);
    ZonedDateTime candidate = local.with(SEND_AT);
    if (this == WEEKLY) {
      candidate = candidate.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).with(SEND_AT);
    }
    if (!candidate.isAfter(local)) {
      candidate =
          this == WEEKLY
              ? candidate.plusWeeks(1).with(SEND_AT)
              : candidate.plusDays(1).with(SEND_AT);
    }
    return candidate.toInstant();
  }
}
