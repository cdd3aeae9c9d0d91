package io.stride.notification.email;

import static io.stride.notification.TestMailServer.awaitFirst;
import static io.stride.notification.TestMailServer.html;
import static io.stride.notification.TestMailServer.text;
import static io.stride.notification.TestPeople.person;
import static io.stride.notification.TestPeople.profile;
import static io.stride.notification.TestPeople.reader;
import static io.stride.notification.TestPeople.withEmail;
import static io.stride.notification.TestPeople.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.auth.DeviceLinked;
import io.stride.contracts.social.CommentAdded;
import io.stride.notification.TestMailServer;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestEvents;
import io.stride.platform.test.TopicWriter;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The daily or weekly digest: notification emails wait for it, it goes once per period with what is
 * still unread, and its one-click unsubscribe stops every notification email.
 */
@StrideIntegrationTest
class DigestIntegrationTests {

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aDailyDigestCarriesWhatIsStillUnreadOnceInsteadOfOneEmailEach() throws Exception {
    String email = "digest-" + UUID.randomUUID() + "@example.com";
    UUID owner = withEmail(jdbc, "Digest Owner", email, "UTC", null);
    Reply set = digest(owner, "daily");
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.json().get("emailDigest").asString()).isEqualTo("daily");
    assertThat(nextDigestAt(owner))
        .as("the next 08:00 in the person's zone")
        .isAfter(Instant.now())
        .isBefore(Instant.now().plus(Duration.ofDays(1)))
        .matches(at -> at.toString().endsWith("T08:00:00Z"), "at 08:00 UTC");
    parkDigest(owner);

    comment(owner, person(jdbc, "First <Friend>"), "Great run & more", Instant.now());
    // an event that arrives two days late still goes into the next digest
    comment(
        owner, person(jdbc, "Second Friend"), "Nice pace", Instant.now().minus(Duration.ofDays(2)));
    UUID readOne = comment(owner, person(jdbc, "Already Read"), "Seen in the app", Instant.now());
    TopicWriter.send(new DeviceLinked(owner, "stride-tracker", "Stride Tracker", Instant.now()));
    MimeMessage notice = awaitFirst(email);
    assertThat(notice.getSubject())
        .as("a security notice does not wait for the digest")
        .isEqualTo("New device linked to your account: Stride Tracker");
    awaitNotifications(owner, 4);
    String read = notificationOf(owner, readOne);
    assertThat(http.post("/api/v1/notifications/" + read + "/read", writer(owner), null).status())
        .isEqualTo(204);
    assertThat(emailDeliveries(owner, "comment")).as("comments wait for the digest").isZero();

    makeDigestDue(owner);
    await().atMost(Duration.ofSeconds(30)).until(() -> TestMailServer.to(email).size() == 2);
    MimeMessage digest =
        TestMailServer.to(email).stream()
            .filter(mail -> subject(mail).startsWith("Your day on Stride"))
            .findFirst()
            .orElseThrow();
    assertThat(digest.getSubject()).isEqualTo("Your day on Stride: 2 new notifications");
    assertThat(text(digest))
        .contains("First <Friend> commented on your workout")
        .contains("Second Friend commented on your workout")
        .doesNotContain("Already Read");
    assertThat(html(digest))
        .contains("First &lt;Friend&gt; commented on your workout")
        .doesNotContain("<Friend>");
    assertThat(nextDigestAt(owner)).as("the next one is tomorrow's").isAfter(Instant.now());

    makeDigestDue(owner);
    await().atMost(Duration.ofSeconds(30)).until(() -> nextDigestAt(owner).isAfter(Instant.now()));
    assertThat(digestDeliveries(owner))
        .as("a period with nothing new makes nothing, and no period is mailed twice")
        .isEqualTo(1);
    assertThat(TestMailServer.to(email)).hasSize(2);

    URI unsubscribe = URI.create(digest.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", ""));
    Reply oneClick =
        http.send(
            http.request("/unsubscribe?" + unsubscribe.getRawQuery(), null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .build());
    assertThat(oneClick.status()).isEqualTo(200);
    JsonNode after = http.get("/api/v1/notifications/settings", reader(owner)).json();
    assertThat(after.get("emailDigest").asString()).isEqualTo("off");
    for (JsonNode type : after.get("types")) {
      boolean byEmail = type.get("channels").get("email").asBoolean();
      if (type.get("switchable").asBoolean()) {
        assertThat(byEmail).as("no more %s by email", type.get("type").asString()).isFalse();
      } else {
        assertThat(byEmail).as("security notices still come").isTrue();
      }
    }
  }

  @Test
  void aDigestWhoseNotificationsWereAllReadBeforeItWentIsNotSent() {
    String email = "all-read-" + UUID.randomUUID() + "@example.com";
    UUID owner = withEmail(jdbc, "Diligent Reader", email, "Europe/Berlin", null);
    assertThat(digest(owner, "weekly").status()).isEqualTo(200);
    assertThat(nextDigestAt(owner).atZone(ZoneId.of("Europe/Berlin")).getDayOfWeek())
        .isEqualTo(DayOfWeek.MONDAY);
    parkDigest(owner);
    comment(owner, person(jdbc, "Quickly Seen"), "Read at once", Instant.now());
    awaitNotifications(owner, 1);
    assertThat(http.post("/api/v1/notifications/read-all", writer(owner), null).status())
        .isEqualTo(204);

    makeDigestDue(owner);
    await().atMost(Duration.ofSeconds(30)).until(() -> nextDigestAt(owner).isAfter(Instant.now()));
    assertThat(digestDeliveries(owner)).isZero();
    assertThat(TestMailServer.to(email)).isEmpty();
  }

  @Test
  void movingToAnotherTimeZoneMovesTheNextDigestToEightOClockThere() {
    UUID owner =
        withEmail(jdbc, "Moving East", "moving-" + UUID.randomUUID() + "@example.com", "UTC", null);
    assertThat(digest(owner, "daily").status()).isEqualTo(200);
    assertThat(nextDigestAt(owner).toString()).endsWith("T08:00:00Z");

    profile(jdbc, TestEvents.profileUpdated(owner, "Moving East", "PUBLIC", "Asia/Tokyo", null, 2));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> nextDigestAt(owner).toString().endsWith("T23:00:00Z"));
    assertThat(nextDigestAt(owner)).as("08:00 in Tokyo").isAfter(Instant.now());
  }

  private int digestDeliveries(UUID owner) {
    return jdbc.queryForObject(
        "select count(*) from notification.delivery where user_id = ? and kind = 'digest'",
        Integer.class,
        owner);
  }

  /** The real 08:00 must not come in the middle of a test: the tests say when it is due. */
  private void parkDigest(UUID owner) {
    jdbc.update(
        "update notification.delivery_settings set next_digest_at = ? where user_id = ?",
        Timestamp.from(Instant.now().plus(Duration.ofDays(30))),
        owner);
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Reply digest(UUID owner, String digest) {
    return http.put(
        "/api/v1/notifications/settings",
        writer(owner),
        Map.of("pushPerHour", 10, "emailDigest", digest));
  }

  /** The digest's hour has come. */
  private void makeDigestDue(UUID owner) {
    jdbc.update(
        "update notification.delivery_settings set next_digest_at = ? where user_id = ?",
        Timestamp.from(Instant.now()),
        owner);
  }

  private Instant nextDigestAt(UUID owner) {
    return jdbc.queryForObject(
        "select next_digest_at from notification.delivery_settings where user_id = ?",
        (rs, row) -> rs.getTimestamp(1).toInstant(),
        owner);
  }

  private int emailDeliveries(UUID owner, String kind) {
    return jdbc.queryForObject(
        "select count(*) from notification.delivery where user_id = ? and kind = ? and channel ="
            + " 'email'",
        Integer.class,
        owner,
        kind);
  }

  private void awaitNotifications(UUID owner, int count) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from notification.notification where user_id = ?",
                        Integer.class,
                        owner)
                    == count);
  }

  private String notificationOf(UUID owner, UUID commentId) {
    return jdbc.queryForObject(
        "select notification_id::text from notification.notification where user_id = ? and"
            + " group_key like ?",
        String.class,
        owner,
        "%" + commentId + "%");
  }

  /** A comment on one of the owner's workouts, made at {@code at}; its id. */
  private static UUID comment(UUID owner, UUID author, String text, Instant at) {
    UUID commentId = UUID.randomUUID();
    TopicWriter.send(
        new CommentAdded(commentId, UUID.randomUUID(), owner, author, text, List.of(), at));
    return commentId;
  }
}
