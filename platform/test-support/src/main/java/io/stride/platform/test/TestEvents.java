package io.stride.platform.test;

import io.stride.contracts.profile.ProfileUpdated;
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
}
