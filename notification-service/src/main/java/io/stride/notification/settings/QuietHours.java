package io.stride.notification.settings;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When something may be sent to a person with quiet hours: now, or the end of the quiet hours they
 * are in, in their own time zone. Quiet hours may span midnight (22:00–07:00); an end that does not
 * exist on a day (a DST gap) is the first instant after it.
 */
public final class QuietHours {

  private QuietHours() {}

  public static Instant sendAt(Instant now, DeliverySettings settings, ZoneId zone) {
    if (!settings.hasQuietHours() || settings.quietStart().equals(settings.quietEnd())) {
      return now;
    }
    LocalTime start = settings.quietStart();
    LocalTime end = settings.quietEnd();
    ZonedDateTime local = now.atZone(zone);
    LocalTime time = local.toLocalTime();
    boolean spansMidnight = start.isAfter(end);
    boolean quiet =
        spansMidnight
            ? !time.isBefore(start) || time.isBefore(end)
            : !time.isBefore(start) && time.isBefore(end);
    if (!quiet) {
      return now;
    }
    LocalDateTime endDay =
        (spansMidnight && !time.isBefore(start))
            ? local.toLocalDate().plusDays(1).atTime(end)
            : local.toLocalDate().atTime(end);
    return ZonedDateTime.ofLocal(endDay, zone, null).toInstant();
  }
}
