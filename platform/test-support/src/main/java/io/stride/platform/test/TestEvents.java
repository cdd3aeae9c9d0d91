package io.stride.platform.test;

import io.stride.contracts.profile.ProfileUpdated;
import io.stride.contracts.region.RegionSettingsChanged;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Events other services send, with only the fields a test is about set. */
public final class TestEvents {

  private TestEvents() {}

  /**
   * A profile with a name and an account privacy ({@code PUBLIC} or {@code PRIVATE}); metric, UTC,
   * followers-only workouts by default, no body data.
   */
  public static ProfileUpdated profileUpdated(UUID id, String name, String privacy, long version) {
    return profileUpdated(id, name, privacy, "UTC", null, version);
  }

  /** The same in a time zone and a region (null for none). */
  public static ProfileUpdated profileUpdated(
      UUID id, String name, String privacy, String zone, String region, long version) {
    return new ProfileUpdated(
        id,
        name,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "METRIC",
        zone,
        "FOLLOWERS",
        privacy,
        region,
        version);
  }

  /**
   * A region's settings (a country, or a subdivision {@code CC-XX} of its country) with its first
   * day of the week ({@code MONDAY} …) and feature flags; metric, euros, German, Berlin time.
   */
  public static RegionSettingsChanged regionSettings(
      String code, String firstDayOfWeek, Map<String, Boolean> flags) {
    String country = code.substring(0, 2);
    return new RegionSettingsChanged(
        code,
        code,
        country,
        code.contains("-") ? country : null,
        "metric",
        List.of("de-" + country),
        "de-" + country,
        "EUR",
        List.of("Europe/Berlin"),
        firstDayOfWeek,
        16,
        new RegionSettingsChanged.Legal("2026-01", 365),
        flags,
        1_000);
  }
}
