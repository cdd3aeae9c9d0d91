package io.stride.workout.erasure;

import static io.stride.platform.test.HttpJson.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.stride.contracts.auth.UserDeleted;
import io.stride.contracts.profile.ProfileUpdated;
import io.stride.platform.test.Erasure;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.Multipart;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestTokens;
import io.stride.platform.test.TopicWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** UserDeleted erases every row workout-service holds about the user, once, and nobody else's. */
@StrideIntegrationTest
class UserErasureIntegrationTests {

  private static final TestTokens tokens = TestTokens.get();

  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired HttpJson http;
  @Autowired MeterRegistry meters;

  @Test
  void userDeletedErasesAllTheUsersDataAndNobodyElses() {
    UUID leaving = UUID.randomUUID();
    UUID staying = UUID.randomUUID();
    UUID bystander = UUID.randomUUID();
    withEverything(leaving);
    withEverything(staying);
    follow(bystander, staying);
    Map<String, Long> stayingBefore = rowsOf(staying);
    follow(leaving, staying);
    follow(staying, leaving);
    assertThat(Erasure.findRowsOf(dataSource, "workout", leaving, Set.of()))
        .as("the helper sees the user's data before the erasure")
        .anyMatch(place -> place.startsWith("workout.owner_id"))
        .anyMatch(place -> place.startsWith("reading.user_id"))
        .anyMatch(place -> place.startsWith("follower.follower_id"))
        .anyMatch(place -> place.startsWith("idempotency_record.owner_id"));

    var deletion = TopicWriter.send(new UserDeleted(leaving, Instant.now()));
    awaitApplied(deletion.id());

    Erasure.assertNoRowsOf(dataSource, "workout", leaving);
    assertThat(rowsOf(staying))
        .as("all of the other athlete's data but the follows with the erased one")
        .isEqualTo(stayingBefore);
    assertThat(
            http.get("/api/v1/workouts", tokens.forUser(leaving, "workouts:read"))
                .json()
                .get("items")
                .isEmpty())
        .as("the API shows nothing either")
        .isTrue();
  }

  /**
   * Profiles and users travel on different topics: a profile change may arrive after the erasure.
   */
  @Test
  void aProfileChangeArrivingAfterTheErasureDoesNotBringTheAthleteBack() {
    UUID leaving = UUID.randomUUID();
    TopicWriter.send(profileOf(leaving, 2));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> count("select count(*) from workout.athlete where user_id = ?", leaving) == 1);
    var deletion = TopicWriter.send(new UserDeleted(leaving, Instant.now()));
    awaitApplied(deletion.id());

    var late = TopicWriter.send(profileOf(leaving, 3));
    awaitApplied(late.id());

    assertThat(count("select count(*) from workout.athlete where user_id = ?", leaving)).isZero();
    Erasure.assertNoRowsOf(dataSource, "workout", leaving);
  }

  @Test
  void theSameUserDeletedTwiceChangesNothingTheSecondTime() {
    UUID leaving = UUID.randomUUID();
    UUID staying = UUID.randomUUID();
    workout(leaving, "key-1");
    workout(staying, "key-1");
    var deletion = TopicWriter.send(new UserDeleted(leaving, Instant.now()));
    awaitApplied(deletion.id());
    Map<String, Long> stayingBefore = rowsOf(staying);
    double duplicates = duplicates();

    TopicWriter.send(deletion);
    var second = TopicWriter.send(new UserDeleted(leaving, Instant.now()));

    await().atMost(Duration.ofSeconds(20)).until(() -> duplicates() > duplicates);
    awaitApplied(second.id());
    Erasure.assertNoRowsOf(dataSource, "workout", leaving);
    assertThat(rowsOf(staying)).isEqualTo(stayingBefore);
  }

  @Test
  void anAthleteWithTenThousandWorkoutsIsErasedInBatchesWellWithinTheConsumersPatience() {
    UUID prolific = UUID.randomUUID();
    UUID staying = UUID.randomUUID();
    workout(staying, "k");
    jdbc.update(
        """
        insert into workout.workout (id, owner_id, sport, title, visibility, start_time,
            elapsed_seconds, source, created_at, updated_at, version)
        select gen_random_uuid(), ?, 'RUN', 'Run ' || n, 'PRIVATE',
            now() - make_interval(days => n), 3600, 'MANUAL', now(), now(), 1
        from generate_series(1, 10000) n
        """,
        prolific);
    jdbc.update(
        """
        insert into workout.workout_stream (workout_id, type, point_count, data)
        select w.id, t.type, 3600, decode(repeat('ab', 2000), 'hex')
        from workout.workout w cross join (values ('time'), ('heartrate'), ('distance')) t(type)
        where w.owner_id = ?
        """,
        prolific);
    jdbc.update(
        """
        insert into workout.reading (user_id, device_id, type, time, value)
        select ?, 'watch', 1, now() - make_interval(secs => n), 120
        from generate_series(1, 50000) n
        """,
        prolific);
    Map<String, Long> stayingBefore = rowsOf(staying);

    long started = System.nanoTime();
    var deletion = TopicWriter.send(new UserDeleted(prolific, Instant.now()));
    awaitApplied(deletion.id(), Duration.ofSeconds(120));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    Erasure.assertNoRowsOf(dataSource, "workout", prolific);
    assertThat(rowsOf(staying)).isEqualTo(stayingBefore);
    assertThat(took).as("far below max.poll.interval.ms (5 min)").isLessThan(Duration.ofMinutes(1));
  }

  private static ProfileUpdated profileOf(UUID user, long version) {
    return new ProfileUpdated(
        user,
        "Ada",
        null,
        LocalDate.of(1990, 4, 1),
        "FEMALE",
        170,
        58.0,
        190,
        48,
        "METRIC",
        "Europe/Berlin",
        "PUBLIC",
        "PUBLIC",
        "DE",
        version);
  }

  private void withEverything(UUID user) {
    TopicWriter.send(profileOf(user, 2));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> count("select count(*) from workout.athlete where user_id = ?", user) == 1);
    workout(user, "key-" + user);
    Reply upload =
        http.send(
            Multipart.fileUpload(
                http,
                "/api/v1/workouts/imports",
                tokens.forUser(user, "workouts:write"),
                "cerknicko.gpx",
                fixture("gpxpy_cerknicko-jezero.gpx"),
                Map.of("sport", "hike")));
    assertThat(upload.status()).as(upload.body()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                count(
                        "select count(*) from workout.workout_import where owner_id = ?"
                            + " and status = 'DONE'",
                        user)
                    == 1);
    String device = tokens.forUser(user, "readings:write");
    Reply readings =
        http.post(
            "/api/v1/readings",
            device,
            object(
                "deviceId",
                "watch-1",
                "batch",
                1,
                "samples",
                List.of(
                    object("type", "heart_rate", "time", "2026-05-03T11:00:00Z", "value", 61),
                    object("type", "steps", "time", "2026-05-03T11:00:00Z", "value", 500))));
    assertThat(readings.status()).as(readings.body()).isEqualTo(200);
    Reply live =
        http.post("/api/v1/workouts/live", device, object("deviceId", "watch-1", "sport", "run"));
    assertThat(live.status()).as(live.body()).isEqualTo(201);
    Reply zone =
        http.post(
            "/api/v1/privacy-zones",
            tokens.forUser(user, "workouts:write"),
            object("latitude", 45.75, "longitude", 14.36, "radiusMeters", 400, "label", "Home"));
    assertThat(zone.status()).as(zone.body()).isEqualTo(201);
    Reply shoes =
        http.post(
            "/api/v1/gear",
            tokens.forUser(user, "workouts:write"),
            object("kind", "shoes", "name", "Daily trainers", "defaultFor", List.of("run")));
    assertThat(shoes.status()).as(shoes.body()).isEqualTo(201);
    jdbc.update(
        "update workout.workout set gear_id = ? where owner_id = ?",
        UUID.fromString(shoes.json().get("id").asString()),
        user);
    jdbc.update(
        "insert into workout.idempotency_key (owner_id, scope, key, request_hash, resource_id,"
            + " created_at) values (?, 'workout', 'legacy', 'h', ?, now())",
        user,
        UUID.randomUUID());
  }

  private void workout(UUID user, String key) {
    Reply created =
        http.send(
            http.request("/api/v1/workouts", tokens.forUser(user, "workouts:write"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        HttpJson.toJson(
                            object(
                                "sport",
                                "run",
                                "startTime",
                                "2026-05-01T06:30:00Z",
                                "durationSeconds",
                                3000,
                                "distanceMeters",
                                10000.0))))
                .build());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  private void follow(UUID follower, UUID owner) {
    jdbc.update(
        "insert into workout.follower (owner_id, follower_id) values (?, ?)", owner, follower);
  }

  /** How many rows of each table mention the user (compared before and after). */
  private Map<String, Long> rowsOf(UUID user) {
    Map<String, Long> rows = new java.util.TreeMap<>();
    for (String place : Erasure.findRowsOf(dataSource, "workout", user, Set.of())) {
      int open = place.lastIndexOf(" (");
      rows.put(
          place.substring(0, open),
          Long.parseLong(place.substring(open + 2, place.indexOf(' ', open + 2))));
    }
    rows.put(
        "workout_stream",
        count(
            "select count(*) from workout.workout_stream s join workout.workout w"
                + " on w.id = s.workout_id where w.owner_id = ?",
            user));
    rows.put(
        "workout_import_file",
        count(
            "select count(*) from workout.workout_import_file f join workout.workout_import i"
                + " on i.id = f.import_id where i.owner_id = ?",
            user));
    return rows;
  }

  private void awaitApplied(UUID eventId) {
    awaitApplied(eventId, Duration.ofSeconds(30));
  }

  private void awaitApplied(UUID eventId, Duration atMost) {
    await()
        .atMost(atMost)
        .until(
            () ->
                count("select count(*) from workout.processed_event where event_id = ?", eventId)
                    == 1);
  }

  private double duplicates() {
    var counter = meters.find("stride.events.duplicates").counter();
    return counter == null ? 0 : counter.count();
  }

  private static byte[] fixture(String name) {
    try (InputStream in =
        UserErasureIntegrationTests.class.getResourceAsStream("/activity-files/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }
}
