package io.stride.integration.pushes;

import static io.stride.integration.IntegrationFixtures.PARTNERS;
import static io.stride.integration.IntegrationFixtures.adminToken;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.auth.DeviceLinked;
import io.stride.contracts.auth.UserDeleted;
import io.stride.contracts.integration.IntegrationTopics;
import io.stride.contracts.workout.ImportCompleted;
import io.stride.contracts.workout.ImportFailed;
import io.stride.integration.IntegrationFixtures;
import io.stride.integration.IntegrationFixtures.Partner;
import io.stride.integration.MovableClock;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Partners pushing athletes' activity files: only signed with the partner's push secret, only for
 * athletes who let the partner add workouts, each activity imported once however often it comes,
 * and the import's outcome readable by the partner.
 */
@StrideIntegrationTest
class PartnerPushIntegrationTests {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String GPX =
      "<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"test\"><trk><trkseg>"
          + "<trkpt lat=\"52.0\" lon=\"13.0\"><time>2026-12-01T08:00:00Z</time></trkpt>"
          + "</trkseg></trk></gpx>";

  @Autowired HttpJson http;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired MovableClock clock;
  @Autowired PushRetention retention;

  private IntegrationFixtures fixtures() {
    return new IntegrationFixtures(http, dataSource);
  }

  @Test
  void aSignedPushForAnAthleteWhoLetThePartnerAddWorkoutsHandsTheFileToWorkoutService()
      throws Exception {
    Pusher pusher = pusher();
    UUID athlete = pusher.connected(List.of("openid", "workouts:write"));
    try (TopicReader imports = new TopicReader(IntegrationTopics.IMPORTS.name())) {
      HttpJson.Reply reply = pusher.push(athlete, "act-1", GPX);

      assertThat(reply.status()).as(reply.body()).isEqualTo(202);
      JsonNode push = reply.json();
      assertThat(push.get("status").asString()).isEqualTo("accepted");
      assertThat(push.get("externalId").asString()).isEqualTo("act-1");
      assertThat(reply.header("Location")).endsWith("/workouts/" + push.get("id").asString());
      List<ConsumerRecord<String, String>> received =
          imports.await(r -> r.key().equals(athlete.toString()), 1, WAIT);
      JsonNode event = HttpJson.parse(received.get(0).value());
      assertThat(event.get("type").asString()).isEqualTo("ActivityFileReceived");
      JsonNode payload = event.get("payload");
      assertThat(payload.get("importId").asString()).isEqualTo(push.get("id").asString());
      assertThat(payload.get("origin").asString()).isEqualTo("Acme Coaching");
      assertThat(payload.get("externalId").asString()).isEqualTo("act-1");
      byte[] file = gunzip(Base64.getDecoder().decode(payload.get("gzipBase64").asString()));
      assertThat(new String(file, StandardCharsets.UTF_8)).isEqualTo(GPX);
      assertThat(payload.get("sha256").asString()).isEqualTo(sha256(GPX.getBytes()));
    }
  }

  @Test
  void aRetriedRequestOrAnotherPushOfTheSameActivityAnswersTheFirstPushAndImportsNothingTwice()
      throws Exception {
    Pusher pusher = pusher();
    UUID athlete = pusher.connected(List.of("workouts:write"));
    String body = pushBody(athlete, "act-2", GPX);

    String webhookId = "msg-" + UUID.randomUUID();
    HttpJson.Reply first = pusher.send(webhookId, body);
    HttpJson.Reply retried = pusher.send(webhookId, body);
    HttpJson.Reply sent = pusher.send("msg-" + UUID.randomUUID(), body);
    HttpJson.Reply reused = pusher.send(webhookId, pushBody(athlete, "act-3", GPX));

    assertThat(first.status()).as(first.body()).isEqualTo(202);
    assertThat(sent.status()).as("another request, same activity").isEqualTo(200);
    assertThat(retried.status()).as("the same request again").isEqualTo(200);
    String id = first.json().get("id").asString();
    assertThat(sent.json().get("id").asString()).isEqualTo(id);
    assertThat(retried.json().get("id").asString()).isEqualTo(id);
    assertThat(reused.status()).as(reused.body()).isEqualTo(409);
    assertThat(reused.json().get("detail").asString()).contains(webhookId);
    assertThat(filesHandedOver(athlete)).isOne();
  }

  @Test
  void aPushNotSignedByThePartnerNowIsRefusedWith401AndStoresNothing() throws Exception {
    Pusher pusher = pusher();
    UUID athlete = pusher.connected(List.of("workouts:write"));
    String body = pushBody(athlete, "act-4", GPX);
    long now = clock.instant().getEpochSecond();
    String other = issueSecret(fixtures().partner(List.of("workouts:write")).id(), Map.of());

    Map<String, HttpJson.Reply> refused =
        Map.of(
            "unsigned", http.send(pusher.request(body).build()),
            "another partner's secret", pusher.send("m1", now, sign(other, "m1", now, body), body),
            "signed six minutes ago",
                pusher.send("m2", now - 360, sign(pusher.secret, "m2", now - 360, body), body),
            "another body signed",
                pusher.send("m3", now, sign(pusher.secret, "m3", now, body + " "), body),
            "no such partner",
                http.send(
                    signed(pushes(UUID.randomUUID()), pusher.secret, "m4", now, body).build()));

    refused.forEach(
        (kind, reply) -> {
          assertThat(reply.status()).as(kind + ": " + reply.body()).isEqualTo(401);
          assertThat(reply.contentType()).as(kind).startsWith("application/problem+json");
          assertThat(reply.json().get("detail").asString()).as(kind).isNotBlank();
        });
    assertThat(refused.get("signed six minutes ago").json().get("detail").asString())
        .containsPattern("36[01] seconds");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from integration.partner_push where user_id = ?",
                Long.class,
                athlete))
        .isZero();
  }

  @Test
  void aPushForAnAthleteWhoDidNotConnectOrDidNotAllowAddingWorkoutsIsRefused() throws Exception {
    Pusher pusher = pusher();
    UUID stranger = UUID.randomUUID();
    UUID readOnly = pusher.connected(List.of("workouts:read"));

    HttpJson.Reply notConnected = pusher.push(stranger, "act-5", GPX);
    HttpJson.Reply notAllowed = pusher.push(readOnly, "act-6", GPX);

    assertThat(notConnected.status()).as(notConnected.body()).isEqualTo(404);
    assertThat(notConnected.json().get("detail").asString()).contains(stranger.toString());
    assertThat(notAllowed.status()).as(notAllowed.body()).isEqualTo(403);
    assertThat(notAllowed.json().get("detail").asString()).contains("workouts:write");
    assertThat(filesHandedOver(stranger) + filesHandedOver(readOnly)).isZero();
  }

  @Test
  void aConnectionAnnouncedWithoutScopesAllowsWhatThePartnerMayBeGranted() throws Exception {
    Pusher pusher = pusher();
    UUID athlete = UUID.randomUUID();
    fixtures().connect(athlete, pusher.partner.clientId()); // DeviceLinked version 1

    HttpJson.Reply reply = pusher.push(athlete, "act-7", GPX);

    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
  }

  @Test
  void unreadableOrWrongInputIsAnsweredWithTheFieldAtFault() throws Exception {
    Pusher pusher = pusher();
    UUID athlete = pusher.connected(List.of("workouts:write"));
    byte[] tooLarge = new byte[6 * 1024 * 1024 + 1];
    System.arraycopy(GPX.getBytes(), 0, tooLarge, 0, GPX.length());

    HttpJson.Reply malformed = pusher.send("b1", "{\"athleteId\": ");
    HttpJson.Reply noExternalId =
        pusher.send(
            "b2", HttpJson.toJson(Map.of("athleteId", athlete.toString(), "file", b64(GPX))));
    HttpJson.Reply notBase64 =
        pusher.send(
            "b3",
            HttpJson.toJson(
                Map.of("athleteId", athlete.toString(), "externalId", "x", "file", "%%%")));
    HttpJson.Reply notAnActivity = pusher.push(athlete, "act-8", "just some text");
    HttpJson.Reply gzippedNothing =
        pusher.send(
            "b4",
            HttpJson.toJson(
                Map.of(
                    "athleteId",
                    athlete.toString(),
                    "externalId",
                    "act-9",
                    "file",
                    Base64.getEncoder().encodeToString(gzip("plain".getBytes())))));
    HttpJson.Reply fileTooLarge =
        pusher.send(
            "b5",
            HttpJson.toJson(
                Map.of(
                    "athleteId",
                    athlete.toString(),
                    "externalId",
                    "act-10",
                    "file",
                    Base64.getEncoder().encodeToString(tooLarge))));

    assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
    assertThat(noExternalId.status()).as(noExternalId.body()).isEqualTo(400);
    assertThat(noExternalId.body()).contains("externalId");
    for (HttpJson.Reply reply : List.of(notBase64, notAnActivity, gzippedNothing, fileTooLarge)) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(422);
      assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
    }
    assertThat(fileTooLarge.json().get("detail").asString()).contains("at most 6291456");
    assertThat(filesHandedOver(athlete)).isZero();
  }

  @Test
  void aBodyPastTheLimitIsRefusedWith413BeforeItsSignatureIsChecked() {
    Pusher pusher = pusher();
    String huge = "{\"file\": \"" + "A".repeat(9 * 1024 * 1024) + "\"}";

    HttpJson.Reply reply = pusher.send("big", huge);

    assertThat(reply.status()).as(reply.body()).isEqualTo(413);
    assertThat(reply.contentType()).startsWith("application/problem+json");
  }

  @Test
  void thePartnerReadsWhatTheImportOfItsPushBecame() throws Exception {
    Pusher pusher = pusher();
    UUID athlete = pusher.connected(List.of("workouts:write"));
    UUID done = UUID.fromString(pusher.push(athlete, "act-11", GPX).json().get("id").asString());
    UUID failed = UUID.fromString(pusher.push(athlete, "act-12", GPX).json().get("id").asString());
    UUID workout = UUID.randomUUID();

    fixtures().applied(new ImportCompleted(athlete, done, "done", workout, Instant.now()));
    fixtures()
        .applied(
            new ImportFailed(athlete, failed, "b.gpx", "The file has no track", Instant.now()));
    fixtures().applied(new ImportCompleted(athlete, failed, "done", workout, Instant.now()));

    JsonNode doneView = pusher.get(done).json();
    assertThat(doneView.get("status").asString()).isEqualTo("done");
    assertThat(doneView.get("workoutId").asString()).isEqualTo(workout.toString());
    assertThat(doneView.get("finishedAt").isNull()).isFalse();
    JsonNode failedView = pusher.get(failed).json();
    assertThat(failedView.get("status").asString())
        .as("a later outcome does not overwrite the first")
        .isEqualTo("failed");
    assertThat(failedView.get("reason").asString()).isEqualTo("The file has no track");
    assertThat(pusher.get(UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(pusher().get(done).status()).as("another partner's push").isEqualTo(404);
  }

  @Test
  void aRotatedPushSecretKeepsThePreviousOneVerifyingUntilItExpires() throws Exception {
    Pusher pusher = pusher();
    UUID athlete = pusher.connected(List.of("workouts:write"));
    String previous = pusher.secret;

    HttpJson.Reply rotated =
        http.post(pushSecret(pusher.partner.id()), adminToken(), Map.of("expiresInHours", 24));
    assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
    assertThat(rotated.json().get("previousExpiresAt").isNull()).isFalse();
    pusher.secret = rotated.json().get("secret").asString();
    assertThat(pusher.push(athlete, "act-13", GPX).status()).isEqualTo(202);
    assertThat(pusher.withSecret(previous).push(athlete, "act-14", GPX).status()).isEqualTo(202);

    HttpJson.Reply again = http.post(pushSecret(pusher.partner.id()), adminToken(), Map.of());
    assertThat(again.status()).as("an overlap is running").isEqualTo(409);
    HttpJson.Reply leaked =
        http.post(pushSecret(pusher.partner.id()), adminToken(), Map.of("expiresInHours", 0));
    assertThat(leaked.status()).as(leaked.body()).isEqualTo(201);
    assertThat(pusher.push(athlete, "act-15", GPX).status()).as("replaced at once").isEqualTo(401);
    assertThat(pusher.withSecret(previous).push(athlete, "act-16", GPX).status()).isEqualTo(401);
    assertThat(
            pusher
                .withSecret(leaked.json().get("secret").asString())
                .push(athlete, "act-17", GPX)
                .status())
        .isEqualTo(202);
  }

  @Test
  void aDeletedAccountsPushesAreErasedAndOldPushesAreDroppedAfter30Days() throws Exception {
    Pusher pusher = pusher();
    UUID deleted = pusher.connected(List.of("workouts:write"));
    UUID kept = pusher.connected(List.of("workouts:write"));
    UUID erased = UUID.fromString(pusher.push(deleted, "act-18", GPX).json().get("id").asString());
    UUID old = UUID.fromString(pusher.push(kept, "act-19", GPX).json().get("id").asString());
    UUID recent = UUID.fromString(pusher.push(kept, "act-20", GPX).json().get("id").asString());
    jdbc.update(
        "update integration.partner_push set received_at = received_at - interval '31 days' where push_id = ?",
        old);

    fixtures().applied(new UserDeleted(deleted, Instant.now()));
    retention.sweep();

    assertThat(pusher.get(erased).status()).isEqualTo(404);
    assertThat(pusher.get(old).status()).isEqualTo(404);
    assertThat(pusher.get(recent).status()).isEqualTo(200);
  }

  // --- fixtures ---------------------------------------------------------------------------

  /** A partner allowed workouts:write, with a push secret, pushing as a partner would. */
  private Pusher pusher() {
    Partner partner = fixtures().partner(List.of("workouts:read", "workouts:write"));
    HttpJson.Reply issued = http.post(pushSecret(partner.id()), adminToken(), Map.of());
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    assertThat(issued.json().get("previousExpiresAt").isNull()).as("a first secret").isTrue();
    return new Pusher(partner, issued.json().get("secret").asString());
  }

  private String issueSecret(UUID partnerId, Object body) {
    HttpJson.Reply issued = http.post(pushSecret(partnerId), adminToken(), body);
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    return issued.json().get("secret").asString();
  }

  private final class Pusher {
    final Partner partner;
    String secret;

    Pusher(Partner partner, String secret) {
      this.partner = partner;
      this.secret = secret;
    }

    Pusher withSecret(String other) {
      return new Pusher(partner, other);
    }

    UUID connected(List<String> scopes) {
      UUID athlete = UUID.randomUUID();
      fixtures()
          .applied(
              new DeviceLinked(
                  athlete, partner.clientId(), "Acme Coaching", Instant.now(), scopes));
      return athlete;
    }

    HttpJson.Reply push(UUID athlete, String externalId, String file) throws Exception {
      return send("msg-" + UUID.randomUUID(), pushBody(athlete, externalId, file));
    }

    HttpJson.Reply send(String webhookId, String body) {
      long now = clock.instant().getEpochSecond();
      return send(webhookId, now, sign(secret, webhookId, now, body), body);
    }

    HttpJson.Reply send(String webhookId, long timestamp, String signature, String body) {
      return http.send(
          request(body)
              .header("webhook-id", webhookId)
              .header("webhook-timestamp", Long.toString(timestamp))
              .header("webhook-signature", signature)
              .build());
    }

    HttpRequest.Builder request(String body) {
      return http.request(pushes(partner.id()), null)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    HttpJson.Reply get(UUID pushId) {
      long now = clock.instant().getEpochSecond();
      String id = "get-" + UUID.randomUUID();
      return http.send(
          http.request(pushes(partner.id()) + "/" + pushId, null)
              .header("webhook-id", id)
              .header("webhook-timestamp", Long.toString(now))
              .header("webhook-signature", sign(secret, id, now, ""))
              .GET()
              .build());
    }
  }

  private HttpRequest.Builder signed(
      String path, String secret, String webhookId, long timestamp, String body) {
    return http.request(path, null)
        .header("Content-Type", "application/json")
        .header("webhook-id", webhookId)
        .header("webhook-timestamp", Long.toString(timestamp))
        .header("webhook-signature", sign(secret, webhookId, timestamp, body))
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static String pushes(UUID partnerId) {
    return "/api/v1/partner-pushes/" + partnerId + "/workouts";
  }

  private static String pushSecret(UUID partnerId) {
    return PARTNERS + "/" + partnerId + "/push-secret";
  }

  private static String pushBody(UUID athlete, String externalId, String file) {
    return HttpJson.toJson(
        Map.of(
            "athleteId",
            athlete.toString(),
            "externalId",
            externalId,
            "fileName",
            externalId + ".gpx",
            "file",
            b64(file)));
  }

  private long filesHandedOver(UUID athlete) {
    return jdbc.queryForObject(
        "select count(*) from integration.outbox_event where event_type = 'ActivityFileReceived'"
            + " and envelope::text like ?",
        Long.class,
        "%" + athlete + "%");
  }

  /** Standard Webhooks: v1,base64(HMAC-SHA256(key, "id.timestamp.body")), key after whsec_. */
  private static String sign(String secret, String id, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
      byte[] signature =
          mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(signature);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static byte[] gzip(byte[] bytes) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] bytes) throws Exception {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }
}
