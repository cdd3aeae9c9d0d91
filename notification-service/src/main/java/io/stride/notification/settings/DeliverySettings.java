package io.stride.notification.settings;

import java.time.LocalTime;

/**
 * How a person wants to be reached: quiet hours in their own time zone ({@code null} for none; push
 * and email wait until they end, the inbox is immediate) and the most pushes an hour.
 */
public record DeliverySettings(LocalTime quietStart, LocalTime quietEnd, int pushPerHour) {

  public static final int DEFAULT_PUSH_PER_HOUR = 10;
  public static final DeliverySettings DEFAULTS =
      new DeliverySettings(null, null, DEFAULT_PUSH_PER_HOUR);

  public boolean hasQuietHours() {
    return quietStart != null && quietEnd != null;
  }
}
