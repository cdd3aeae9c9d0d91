package io.stride.social;

import static org.awaitility.Awaitility.await;

import io.stride.contracts.profile.ProfileUpdated;
import io.stride.platform.test.TestEvents;
import io.stride.platform.test.TestTokens;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Athletes for the tests: made the way production makes them, by profile-service's events. */
public final class TestAthletes {

  private static final TestTokens tokens = TestTokens.get();

  private TestAthletes() {}

  public static UUID publicAthlete(JdbcTemplate jdbc, String name) {
    return athlete(jdbc, name, "PUBLIC");
  }

  public static UUID privateAthlete(JdbcTemplate jdbc, String name) {
    return athlete(jdbc, name, "PRIVATE");
  }

  public static UUID athlete(JdbcTemplate jdbc, String name, String privacy) {
    UUID id = UUID.randomUUID();
    profile(jdbc, id, name, privacy, 1);
    return id;
  }

  /** Sends the profile and waits until social-service holds this version of it. */
  public static void profile(
      JdbcTemplate jdbc, UUID id, String name, String privacy, long version) {
    TopicWriter.send(TestEvents.profileUpdated(id, name, privacy, version));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from social.athlete where user_id = ? and"
                            + " profile_version = ?",
                        Integer.class,
                        id,
                        version)
                    == 1);
  }

  /** A profile with only the fields social-service keeps set. */
  public static ProfileUpdated profileUpdated(UUID id, String name, String privacy, long version) {
    return TestEvents.profileUpdated(id, name, privacy, version);
  }

  public static String reader(UUID user) {
    return tokens.forUser(user, "social:read");
  }

  public static String writer(UUID user) {
    return tokens.forUser(user, "social:read", "social:write");
  }
}
