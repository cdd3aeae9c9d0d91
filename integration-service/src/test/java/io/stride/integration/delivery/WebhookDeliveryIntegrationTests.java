package io.stride.integration.delivery;

import static io.stride.integration.IntegrationFixtures.adminToken;
import static io.stride.integration.IntegrationFixtures.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.integration.IntegrationTopics;
import io.stride.contracts.workout.WorkoutDeleted;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutUpdated;
import io.stride.integration.IntegrationFixtures;
import io.stride.integration.IntegrationFixtures.Endpoint;
import io.stride.integration.IntegrationFixtures.Partner;
import io.stride.integration.MovableClock;
import io.stride.integration.Receiver;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicReader;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Workouts become signed webhooks to connected partners' endpoints, retried and isolated. */
@StrideIntegrationTest
class WebhookDeliveryIntegrationTests {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired HttpJson http;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired MovableClock clock;

  private IntegrationFixtures fixtures() {
    return new IntegrationFixtures(http, dataSource);
  }

  @Test
  void aConnectedAthletesWorkoutArrivesSignedWithTheEndpointsSecret() throws Exception {
    try (Receiver receiver = new Receiver()) {
      Partner partner = fixtures().partner();
      Endpoint endpoint = fixtures().endpoint(partner, receiver.url(), "workout.created");
      UUID athlete = fixtures().connectedAthlete(partner);

      EventEnvelope<StrideEvent> sent = fixtures().recorded(athlete, "public");

      await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
      Receiver.Request request = receiver.requests().get(0);
      assertThat(request.header("webhook-id")).startsWith("msg_");
      assertThat(request.header("content-type")).startsWith("application/json");
      assertThat(request.header("webhook-signature"))
          .isEqualTo(signature(endpoint.secret(), request));
      long timestamp = Long.parseLong(request.header("webhook-timestamp"));
      assertThat(timestamp)
          .isCloseTo(clock.instant().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
      JsonNode body = HttpJson.parse(request.body());
      assertThat(body.get("type").asString()).isEqualTo("workout.created");
      JsonNode data = body.get("data");
      WorkoutRecorded recorded = (WorkoutRecorded) sent.payload();
      assertThat(data.get("workoutId").asString())
          .isEqualTo(recorded.workout().workoutId().toString());
      assertThat(data.get("athleteId").asString()).isEqualTo(athlete.toString());
      assertThat(data.get("distanceMeters").asDouble()).isEqualTo(10_000.0);
      assertThat(data.get("averageHeartRate").asInt()).isEqualTo(152);
      assertThat(data.has("title")).as("no athlete-written text").isFalse();

      HttpJson.Reply log =
          http.get(IntegrationFixtures.endpoint(partner, endpoint) + "/deliveries", adminToken());
      assertThat(log.json().get("items").get(0).get("status").asString()).isEqualTo("delivered");
      String delivery = log.json().get("items").get(0).get("id").asString();
      HttpJson.Reply attempts =
          http.get(
              IntegrationFixtures.endpoint(partner, endpoint)
                  + "/deliveries/"
                  + delivery
                  + "/attempts",
              adminToken());
      assertThat(attempts.json().get("items").get(0).get("outcome").asString())
          .isEqualTo("success");
      assertThat(attempts.json().get("items").get(0).get("statusCode").asInt()).isEqualTo(204);
    }
  }

  @Test
  void duringARotationEveryDeliveryCarriesTheNewAndTheOldSignature() throws Exception {
    try (Receiver receiver = new Receiver()) {
      Partner partner = fixtures().partner();
      Endpoint endpoint = fixtures().endpoint(partner, receiver.url(), "workout.created");
      UUID athlete = fixtures().connectedAthlete(partner);
      HttpJson.Reply rotated =
          http.post(
              IntegrationFixtures.endpoint(partner, endpoint) + "/secret-rotations",
              adminToken(),
              Map.of("expiresInHours", 24));
      assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
      String newSecret = rotated.json().get("secret").asString();
      assertThat(newSecret).startsWith("whsec_").isNotEqualTo(endpoint.secret());

      fixtures().recorded(athlete, "followers");

      await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
      Receiver.Request request = receiver.requests().get(0);
      assertThat(request.header("webhook-signature").split(" "))
          .containsExactly(signature(newSecret, request), signature(endpoint.secret(), request));
    }
  }

  @Test
  void anAnswerWhoseBodyNeverEndsIsReadTo64KbAndTheDeliveryIsASuccessWithinTheTimeout() {
    try (Receiver receiver = new Receiver().endlessBody()) {
      Partner partner = fixtures().partner();
      Endpoint endpoint = fixtures().endpoint(partner, receiver.url(), "workout.created");
      UUID athlete = fixtures().connectedAthlete(partner);

      fixtures().recorded(athlete, "public");

      String deliveries = IntegrationFixtures.endpoint(partner, endpoint) + "/deliveries";
      await()
          .atMost(WAIT)
          .until(
              () ->
                  http.get(deliveries + "?status=delivered", adminToken())
                          .json()
                          .get("items")
                          .size()
                      == 1);
      String delivery =
          http.get(deliveries, adminToken()).json().get("items").get(0).get("id").asString();
      JsonNode attempt =
          http.get(deliveries + "/" + delivery + "/attempts", adminToken())
              .json()
              .get("items")
              .get(0);
      assertThat(attempt.get("outcome").asString()).isEqualTo("success");
      assertThat(attempt.get("durationMillis").asLong()).isLessThan(2000);
      assertThat(attempt.get("statusCode").asInt()).isEqualTo(200);
      assertThat(receiver.bytesAnswered())
          .as("the rest of the answer was never read (socket buffers aside)")
          .isLessThan(32L * 1024 * 1024);
    }
  }

  @Test
  void aRetryAfterAFailureKeepsTheWebhookId() {
    try (Receiver receiver = new Receiver().answering(500)) {
      Partner partner = fixtures().partner();
      fixtures().endpoint(partner, receiver.url(), "workout.created");
      UUID athlete = fixtures().connectedAthlete(partner);

      fixtures().recorded(athlete, "public");
      await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
      clock.advance(Duration.ofSeconds(10));

      await().atMost(WAIT).until(() -> receiver.requests().size() == 2);
      assertThat(receiver.requests().get(1).header("webhook-id"))
          .isEqualTo(receiver.requests().get(0).header("webhook-id"));
      assertThat(receiver.requests().get(1).body()).isEqualTo(receiver.requests().get(0).body());
    }
  }

  @Test
  void aRedeliveredSourceEventMakesOneDelivery() {
    try (Receiver receiver = new Receiver()) {
      Partner partner = fixtures().partner();
      Endpoint endpoint = fixtures().endpoint(partner, receiver.url(), "workout.created");
      UUID athlete = fixtures().connectedAthlete(partner);
      EventEnvelope<StrideEvent> first = fixtures().recorded(athlete, "public");

      TopicWriter.send(first);
      EventEnvelope<StrideEvent> marker = fixtures().recorded(UUID.randomUUID(), "public");
      TopicWriter.awaitApplied(marker, dataSource, "integration");

      await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
      assertThat(deliveriesOf(endpoint)).isEqualTo(1);
    }
  }

  @Test
  void aSlowEndpointDoesNotDelayAnotherEndpoint() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (Receiver slow = new Receiver().before(() -> awaitQuietly(release));
        Receiver quick = new Receiver()) {
      Partner partner = fixtures().partner();
      fixtures().endpoint(partner, slow.url(), "workout.created");
      fixtures().endpoint(partner, quick.url(), "workout.created");
      UUID athlete = fixtures().connectedAthlete(partner);

      fixtures().recorded(athlete, "public");

      await().atMost(WAIT).until(() -> slow.requests().size() == 1);
      await().atMost(Duration.ofSeconds(5)).until(() -> quick.requests().size() == 1);
      // while the slow endpoint is held, the athlete's next workout is queued for both (the held
      // endpoint row does not block new deliveries to it) and reaches the quick one
      fixtures().recorded(athlete, "public");
      await().atMost(Duration.ofSeconds(5)).until(() -> quick.requests().size() == 2);
      assertThat(release.getCount()).as("the slow endpoint still holds its answer").isEqualTo(1);
      release.countDown();
    } finally {
      release.countDown();
    }
  }

  @Test
  void anEndpointFailingForThreeDaysIsDisabledAndAnnounced() {
    try (Receiver receiver = new Receiver().answering(503, 503, 503, 503);
        TopicReader announcements = new TopicReader(IntegrationTopics.WEBHOOKS.name())) {
      Partner partner = fixtures().partner();
      Endpoint endpoint = fixtures().endpoint(partner, receiver.url(), "workout.created");
      UUID athlete = fixtures().connectedAthlete(partner);

      fixtures().recorded(athlete, "public");
      await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
      clock.advance(Duration.ofDays(3).plusMinutes(1));

      await()
          .atMost(WAIT)
          .until(
              () ->
                  !http.get(IntegrationFixtures.endpoint(partner, endpoint), adminToken())
                      .json()
                      .get("enabled")
                      .asBoolean());
      assertThat(announcements.await(record -> record.key().equals(endpoint.id().toString()), WAIT))
          .singleElement()
          .satisfies(
              record -> {
                JsonNode payload = HttpJson.parse(record.value()).get("payload");
                assertThat(payload.get("partnerId").asString()).isEqualTo(partner.id().toString());
                assertThat(payload.get("host").asString()).isEqualTo("127.0.0.1");
              });
      HttpJson.Reply failed =
          http.get(
              IntegrationFixtures.endpoint(partner, endpoint) + "/deliveries?status=failed",
              adminToken());
      assertThat(failed.json().get("items")).hasSize(1);
    }
  }

  @Test
  void aRedirectIsAFailureAndIsNotFollowed() {
    try (Receiver target = new Receiver();
        Receiver redirecting = new Receiver().answering(307).redirectingTo(target.url())) {
      Partner partner = fixtures().partner();
      Endpoint endpoint = fixtures().endpoint(partner, redirecting.url(), "workout.created");
      UUID athlete = fixtures().connectedAthlete(partner);

      fixtures().recorded(athlete, "public");

      await().atMost(WAIT).until(() -> lastOutcome(endpoint) != null);
      assertThat(lastOutcome(endpoint)).isEqualTo("redirect");
      assertThat(target.requests()).isEmpty();
    }
  }

  @Test
  void aWorkoutPrivateFromTheStartIsNeverNamedNotEvenByItsDeletion() {
    try (Receiver receiver = new Receiver()) {
      Partner partner = fixtures().partner();
      Endpoint endpoint =
          fixtures()
              .endpoint(
                  partner, receiver.url(), "workout.created", "workout.updated", "workout.deleted");
      UUID athlete = fixtures().connectedAthlete(partner);

      var workout = IntegrationFixtures.workout(athlete, "private");
      fixtures().applied(new WorkoutRecorded(workout));
      fixtures().applied(new WorkoutUpdated(workout, 1));
      fixtures().applied(new WorkoutDeleted(workout.workoutId(), athlete));

      assertThat(deliveriesOf(endpoint)).isZero();
    }
  }

  @Test
  void aWorkoutTurningPrivateIsSentAsDeletedAndALateOlderStateSendsNothing() {
    try (Receiver receiver = new Receiver()) {
      Partner partner = fixtures().partner();
      Endpoint endpoint =
          fixtures()
              .endpoint(
                  partner, receiver.url(), "workout.created", "workout.updated", "workout.deleted");
      UUID athlete = fixtures().connectedAthlete(partner);

      var workout = IntegrationFixtures.workout(athlete, "public");
      fixtures().applied(new WorkoutRecorded(workout));
      fixtures().applied(new WorkoutUpdated(workout.withVisibility("private"), 3));
      // an older public state arriving late (its own event) must not show it again
      fixtures().applied(new WorkoutUpdated(workout, 2));

      await().atMost(WAIT).until(() -> receiver.requests().size() == 2);
      JsonNode created = HttpJson.parse(receiver.requests().get(0).body());
      assertThat(created.get("type").asString()).isEqualTo("workout.created");
      assertThat(created.get("data").get("version").asLong()).isZero();
      JsonNode hidden = HttpJson.parse(receiver.requests().get(1).body());
      assertThat(hidden.get("type").asString()).isEqualTo("workout.deleted");
      assertThat(hidden.get("data").get("reason").asString()).isEqualTo("private");
      assertThat(hidden.get("data").has("distanceMeters")).isFalse();

      fixtures().applied(new WorkoutDeleted(workout.workoutId(), athlete));
      assertThat(deliveriesOf(endpoint))
          .as("created and hidden; neither the late state nor the deletion of a hidden one")
          .isEqualTo(2);
    }
  }

  @Test
  void aPartnerWithoutTheWorkoutScopeHearsOfNoWorkout() {
    try (Receiver receiver = new Receiver()) {
      Partner partner = fixtures().partner(List.of("profile:read"));
      Endpoint endpoint = fixtures().endpoint(partner, receiver.url(), "workout.created");
      UUID athlete = fixtures().connectedAthlete(partner);

      fixtures().recorded(athlete, "public");

      assertThat(deliveriesOf(endpoint)).isZero();
    }
  }

  @Test
  void aWorkoutOfAnAthleteWhoDidNotConnectThePartnerIsNotSent() {
    try (Receiver receiver = new Receiver()) {
      Partner partner = fixtures().partner();
      Endpoint endpoint = fixtures().endpoint(partner, receiver.url(), "workout.created");
      UUID stranger = UUID.randomUUID();
      fixtures().connect(stranger, "another-client-" + UUID.randomUUID());

      fixtures().recorded(stranger, "public");

      assertThat(deliveriesOf(endpoint)).isZero();
    }
  }

  @Test
  void aReplayQueuesTheEndpointsDeliveriesAgainWithTheSameIds() {
    try (Receiver receiver = new Receiver()) {
      Partner partner = fixtures().partner();
      Endpoint endpoint = fixtures().endpoint(partner, receiver.url(), "workout.created");
      UUID athlete = fixtures().connectedAthlete(partner);
      Instant before = clock.instant().minusSeconds(1);
      fixtures().recorded(athlete, "public");
      await().atMost(WAIT).until(() -> receiver.requests().size() == 1);

      HttpJson.Reply replay =
          http.post(
              IntegrationFixtures.endpoint(partner, endpoint) + "/replays",
              adminToken(),
              Map.of("since", before.toString()));
      assertThat(replay.status()).as(replay.body()).isEqualTo(202);
      assertThat(replay.json().get("requeued").asInt()).isEqualTo(1);

      await().atMost(WAIT).until(() -> receiver.requests().size() == 2);
      assertThat(receiver.requests().get(1).header("webhook-id"))
          .isEqualTo(receiver.requests().get(0).header("webhook-id"));
    }
  }

  private int deliveriesOf(Endpoint endpoint) {
    return jdbc.queryForObject(
        "select count(*) from integration.delivery where endpoint_id = ?",
        Integer.class,
        endpoint.id());
  }

  private String lastOutcome(Endpoint endpoint) {
    List<String> outcomes =
        jdbc.queryForList(
            "select a.outcome from integration.delivery_attempt a"
                + " join integration.delivery d using (delivery_id)"
                + " where d.endpoint_id = ? order by a.attempt_id desc limit 1",
            String.class,
            endpoint.id());
    return outcomes.isEmpty() ? null : outcomes.get(0);
  }

  /** Standard Webhooks, computed here independently of the service's code. */
  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
