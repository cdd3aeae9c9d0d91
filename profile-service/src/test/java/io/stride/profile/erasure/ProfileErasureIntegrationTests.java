package io.stride.profile.erasure;

import static io.stride.platform.test.HttpJson.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.stride.contracts.auth.UserDeleted;
import io.stride.contracts.auth.UserRegistered;
import io.stride.platform.test.Erasure;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestTokens;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** UserDeleted erases every row profile-service holds about the user, once, and nobody else's. */
@StrideIntegrationTest
class ProfileErasureIntegrationTests {

  private static final TestTokens tokens = TestTokens.get();

  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired HttpJson http;
  @Autowired MeterRegistry meters;

  @Test
  void userDeletedErasesTheProfileAndTheUsersEventsAndLeavesOthersIntact() {
    UUID leaving = profiled("Leaving Athlete", 58.5);
    UUID staying = profiled("Staying Athlete", 71.0);
    Map<String, Object> stayingBefore = profileRow(staying);
    assertThat(Erasure.findRowsOf(dataSource, "profile", leaving, Set.of()))
        .as("the helper sees the user before the erasure")
        .contains("profile.user_id (1 rows)")
        .anyMatch(place -> place.startsWith("outbox_event.envelope"));

    var deletion = TopicWriter.send(new UserDeleted(leaving, Instant.now()));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                count(
                        "select count(*) from profile.processed_event where event_id = ?",
                        deletion.id())
                    == 1);
    Erasure.assertNoRowsOf(dataSource, "profile", leaving);
    assertThat(profileRow(staying)).isEqualTo(stayingBefore);
    assertThat(http.get("/api/v1/profiles/me", tokens.forUser(leaving, "profile:read")).status())
        .isEqualTo(404);
    assertThat(
            count(
                "select count(*) from profile.outbox_event where message_key = ?",
                staying.toString()))
        .isPositive();
  }

  @Test
  void theSameUserDeletedTwiceChangesNothingTheSecondTime() {
    UUID leaving = profiled("Twice Deleted", 60.0);
    UUID staying = profiled("Still Here", 80.0);
    var deletion = TopicWriter.send(new UserDeleted(leaving, Instant.now()));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> count("select count(*) from profile.profile where user_id = ?", leaving) == 0);
    Map<String, Object> stayingBefore = profileRow(staying);
    double duplicates = duplicates();

    TopicWriter.send(deletion);
    TopicWriter.send(new UserDeleted(leaving, Instant.now())); // a second announcement

    await().atMost(Duration.ofSeconds(20)).until(() -> duplicates() > duplicates);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                count(
                        "select count(*) from profile.processed_event where event_type = 'UserDeleted'"
                            + " and event_id <> ? and processed_at > now() - interval '1 minute'",
                        deletion.id())
                    >= 1);
    Erasure.assertNoRowsOf(dataSource, "profile", leaving);
    assertThat(profileRow(staying)).isEqualTo(stayingBefore);
  }

  private UUID profiled(String name, double weightKg) {
    UUID userId = UUID.randomUUID();
    TopicWriter.send(new UserRegistered(userId, name, Instant.now()));
    String token = tokens.forUser(userId, "profile:read", "profile:write");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> http.get("/api/v1/profiles/me", token).status() == 200);
    var updated =
        http.patch(
            "/api/v1/profiles/me",
            token,
            object("weightKg", weightKg, "timeZone", "Europe/Berlin", "heightCm", 172));
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    return userId;
  }

  private Map<String, Object> profileRow(UUID userId) {
    return jdbc.queryForMap("select * from profile.profile where user_id = ?", userId);
  }

  private double duplicates() {
    var counter = meters.find("stride.events.duplicates").counter();
    return counter == null ? 0 : counter.count();
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }
}
