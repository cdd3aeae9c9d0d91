package io.stride.notification;

import static org.awaitility.Awaitility.await;

import io.stride.contracts.auth.AccountContactChanged;
import io.stride.contracts.profile.ProfileUpdated;
import io.stride.platform.test.TestEvents;
import io.stride.platform.test.TestTokens;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** People for the tests, made the way production makes them: by profile and auth events. */
public final class TestPeople {

  private static final TestTokens tokens = TestTokens.get();

  private TestPeople() {}

  /** A person with a name, UTC, no region (English) and no email address. */
  public static UUID person(JdbcTemplate jdbc, String name) {
    UUID id = UUID.randomUUID();
    profile(jdbc, TestEvents.profileUpdated(id, name, "PUBLIC", 1));
    return id;
  }

  /** A person with a verified email address, in a zone and a region (null for none). */
  public static UUID withEmail(
      JdbcTemplate jdbc, String name, String email, String zone, String region) {
    UUID id = UUID.randomUUID();
    profile(jdbc, TestEvents.profileUpdated(id, name, "PUBLIC", zone, region, 1));
    contact(jdbc, new AccountContactChanged(id, email, true, 1));
    return id;
  }

  public static void profile(JdbcTemplate jdbc, ProfileUpdated profile) {
    TopicWriter.send(profile);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from notification.person where user_id = ? and"
                            + " profile_version = ?",
                        Integer.class,
                        profile.userId(),
                        profile.version())
                    == 1);
  }

  public static void contact(JdbcTemplate jdbc, AccountContactChanged contact) {
    TopicWriter.send(contact);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from notification.person where user_id = ? and"
                            + " contact_version = ?",
                        Integer.class,
                        contact.userId(),
                        contact.version())
                    == 1);
  }

  public static String reader(UUID user) {
    return tokens.forUser(user, "notifications:read");
  }

  public static String writer(UUID user) {
    return tokens.forUser(user, "notifications:read", "notifications:write");
  }
}
