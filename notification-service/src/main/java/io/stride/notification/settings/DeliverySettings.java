package io.stride.notification.settings;

import java.time.LocalTime;

/**
 * How a person wants to be reached: quiet hours in their own time zone ({@code null} for none; push
 * and email wait until they end, the inbox is immediate), the most pushes an hour, and whether
 * emails come one by one or as a digest.
 */
public record DeliverySettings(
    LocalTime quietStart, LocalTime quietEnd, int pushPerHour, EmailDigest emailDigest) {

  public static final int DEFAULT_PUSH_PER_HOUR = 10;
  public static final DeliverySettings DEFAULTS =
      new DeliverySettings(null, null, DEFAULT_PUSH_PER_HOUR, EmailDigest.OFF);

  public boolean hasQuietHours() {
    return quietStart != null && quietEnd != null;
  }

  /** Whether emails of types that can be switched off wait for the digest. */
  public boolean digests() {
    return emailDigest != EmailDigest.OFF;
  }
}
