package io.stride.notification.email;

import static io.stride.notification.TestMailServer.awaitFirst;
import static io.stride.notification.TestMailServer.html;
import static io.stride.notification.TestMailServer.text;
import static io.stride.notification.TestPeople.contact;
import static io.stride.notification.TestPeople.person;
import static io.stride.notification.TestPeople.withEmail;
import static io.stride.notification.TestPeople.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.auth.AccountContactChanged;
import io.stride.contracts.auth.DeviceLinked;
import io.stride.contracts.auth.EmailVerificationRequested;
import io.stride.contracts.auth.PasswordResetRequested;
import io.stride.contracts.region.RegionSettingsChanged;
import io.stride.contracts.social.CommentAdded;
import io.stride.notification.TestMailServer;
import io.stride.notification.TestSettings;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicWriter;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Emails over real SMTP: once, in the person's language, escaped, unsubscribed in one click. */
@StrideIntegrationTest
class EmailIntegrationTests {

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;

  private final Instant now = Instant.now();

  @BeforeAll
  static void germanRegion(@Autowired HttpJson http) {
    TopicWriter.send(
        new RegionSettingsChanged(
            "DE",
            "Germany",
            "DE",
            null,
            "metric",
            List.of("de-DE"),
            "de-DE",
            "EUR",
            List.of("Europe/Berlin"),
            "MONDAY",
            16,
            new RegionSettingsChanged.Legal("2026-01", 365),
            Map.of(),
            1));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> http.get("/actuator/regions/DE", null).status() == 200);
  }

  @Test
  void aResetLinkIsEmailedOnceInTextAndHtmlWithTheNameEscaped() throws Exception {
    UUID user = UUID.randomUUID();
    String email = "reset-" + user + "@example.com";
    EventEnvelope<StrideEvent> request =
        TopicWriter.envelope(
            new PasswordResetRequested(
                user,
                email,
                "<b>Ada</b>",
                "http://localhost:8080/reset-password?token=abc",
                now.plus(Duration.ofMinutes(30))));
    TopicWriter.send(request);
    TopicWriter.send(request);
    // a second request after the replay, on the same partition: once it is mailed, so was the
    // replay
    TopicWriter.send(
        new PasswordResetRequested(
            user,
            email,
            "<b>Ada</b>",
            "http://localhost:8080/reset-password?token=def",
            now.plus(Duration.ofMinutes(30))));

    await().atMost(Duration.ofSeconds(30)).until(() -> TestMailServer.to(email).size() >= 2);
    assertThat(TestMailServer.to(email)).as("a replayed event sends nothing twice").hasSize(2);
    MimeMessage mail =
        TestMailServer.to(email).stream()
            .filter(each -> text(each).contains("token=abc"))
            .findFirst()
            .orElseThrow();
    assertThat(mail.getSubject()).isEqualTo("Reset your Stride password");
    assertThat(text(mail)).contains("Hello <b>Ada</b>,").contains("reset-password?token=abc");
    assertThat(html(mail))
        .contains("Hello &lt;b&gt;Ada&lt;/b&gt;,")
        .doesNotContain("<b>Ada</b>")
        .contains("href=\"http://localhost:8080/reset-password?token=abc\"");
    assertThat(mail.getHeader("List-Unsubscribe")).as("an account email is not a list").isNull();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from notification.delivery where source_event_id = ? and payload"
                    + " is null and status = 'SENT'",
                Integer.class,
                request.id()))
        .as("the link is not kept once sent")
        .isEqualTo(1);
  }

  @Test
  void aVerificationLinkThatExpiredBeforeItCouldBeSentIsNotSent() {
    UUID user = UUID.randomUUID();
    EventEnvelope<StrideEvent> request =
        TopicWriter.send(
            new EmailVerificationRequested(
                user,
                "late-" + user + "@example.com",
                "Late",
                "http://localhost/verify?token=x",
                now.minusSeconds(1)));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "SKIPPED"
                    .equals(
                        jdbc
                            .query(
                                "select status from notification.delivery where source_event_id = ?",
                                (rs, row) -> rs.getString(1),
                                request.id())
                            .stream()
                            .findFirst()
                            .orElse(null)));
    assertThat(TestMailServer.to("late-" + user + "@example.com")).isEmpty();
  }

  @Test
  void aCommentIsEmailedInThePersonsLanguageWithAOneClickUnsubscribeThatWorks() throws Exception {
    String email = "owner-" + UUID.randomUUID() + "@example.com";
    UUID owner = withEmail(jdbc, "Jana Owner", email, "Europe/Berlin", "DE");
    UUID author = person(jdbc, "Max <Mustermann>");

    comment(owner, author, "Starke Runde & <script>alert(1)</script>");

    MimeMessage mail = awaitFirst(email);
    assertThat(mail.getSubject()).isEqualTo("Max <Mustermann> hat dein Training kommentiert");
    assertThat(html(mail))
        .contains("Max &lt;Mustermann&gt; hat dein Training kommentiert")
        .contains("&lt;script&gt;")
        .doesNotContain("<script>");
    assertThat(text(mail)).contains("\u201eStarke Runde & <script>alert(1)</script>\u201c");
    assertThat(mail.getHeader("List-Unsubscribe-Post"))
        .containsExactly("List-Unsubscribe=One-Click");
    URI unsubscribe = URI.create(mail.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", ""));
    assertThat(unsubscribe.getPath()).isEqualTo("/unsubscribe");

    Reply page = http.get("/unsubscribe?" + unsubscribe.getRawQuery(), null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Abbestellen").contains("method=\"post\"");
    Reply oneClick =
        http.send(
            http.request("/unsubscribe?" + unsubscribe.getRawQuery(), null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .build());
    assertThat(oneClick.status()).isEqualTo(200);
    assertThat(emailOn(owner, "comment")).isFalse();

    comment(owner, author, "Noch ein Kommentar");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from notification.notification where user_id = ? and"
                            + " type = 'comment'",
                        Integer.class,
                        owner)
                    == 2);
    assertThat(TestMailServer.to(email)).as("no email after unsubscribing").hasSize(1);
    assertThat(http.get("/unsubscribe?token=forged.token", null).status()).isEqualTo(400);
  }

  @Test
  void aNoticeIsNotEmailedToAnUnverifiedAddressButAccountEmailsAre() throws Exception {
    UUID owner = person(jdbc, "Unverified Owner");
    String email = "unverified-" + owner + "@example.com";
    contact(jdbc, new AccountContactChanged(owner, email, false, 1));

    comment(owner, person(jdbc, "Commenter"), "Hello there");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from notification.notification where user_id = ? and"
                            + " type = 'comment'",
                        Integer.class,
                        owner)
                    == 1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from notification.delivery where user_id = ? and channel ="
                    + " 'email'",
                Integer.class,
                owner))
        .as("no email is even planned without a verified address")
        .isZero();
    TopicWriter.send(
        new EmailVerificationRequested(
            owner,
            email,
            "Unverified Owner",
            "http://localhost/verify-email?token=y",
            now.plus(Duration.ofHours(24))));

    MimeMessage mail = awaitFirst(email);
    assertThat(mail.getHeader("X-Stride-Delivery")).isNotNull();
    assertThat(TestMailServer.to(email)).hasSize(1);
  }

  @Test
  void quietHoursHoldBackEmailButNotSecurityNoticesWhichCannotBeUnsubscribed() throws Exception {
    String email = "quiet-" + UUID.randomUUID() + "@example.com";
    UUID owner = withEmail(jdbc, "Quiet Owner", email, "UTC", null);
    LocalTime time = LocalTime.now(ZoneOffset.UTC);
    Reply set =
        http.put(
            "/api/v1/notifications/settings",
            writer(owner),
            Map.of(
                "quietHours",
                Map.of(
                    "start",
                    time.minusHours(1).withNano(0).withSecond(0).toString(),
                    "end",
                    time.plusHours(2).withNano(0).withSecond(0).toString()),
                "pushPerHour",
                10));
    assertThat(set.status()).as(set.body()).isEqualTo(200);

    comment(owner, person(jdbc, "Night Owl"), "Late comment");
    TopicWriter.send(new DeviceLinked(owner, "stride-tracker", "Stride Tracker", now));

    MimeMessage notice = awaitFirst(email);
    assertThat(notice.getSubject()).isEqualTo("New device linked to your account: Stride Tracker");
    assertThat(notice.getHeader("List-Unsubscribe")).isNull();
    assertThat(text(notice)).contains("always sent");
    Instant held =
        jdbc.queryForObject(
            "select not_before from notification.delivery where user_id = ? and kind = 'comment'",
            (rs, row) -> rs.getTimestamp(1).toInstant(),
            owner);
    assertThat(held)
        .as("the comment waits for the end of the quiet hours")
        .isAfter(now.plus(Duration.ofMinutes(90)));
    assertThat(TestMailServer.to(email)).hasSize(1);
  }

  @Test
  void aFailedSendIsRetriedAndAnUnsendableOneGivesUpWithoutHoldingUpTheOthers() throws Exception {
    String email = "retry-" + UUID.randomUUID() + "@example.com";
    UUID owner = withEmail(jdbc, "Retry Owner", email, "UTC", null);
    UUID broken = withEmail(jdbc, "Broken Address", "not an address", "UTC", null);

    TestMailServer.stop();
    try {
      comment(owner, person(jdbc, "Patient"), "First try fails");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  jdbc.queryForObject(
                          "select count(*) from notification.delivery where user_id = ? and"
                              + " status = 'PENDING' and attempts >= 1 and last_error is not null",
                          Integer.class,
                          owner)
                      == 1);
    } finally {
      TestMailServer.restart();
    }
    comment(broken, person(jdbc, "Nobody Reads This"), "Never arrives");

    MimeMessage mail = awaitFirst(email);
    assertThat(mail.getSubject()).isEqualTo("Patient commented on your workout");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from notification.delivery where user_id = ? and status ="
                            + " 'GAVE_UP' and attempts = 3",
                        Integer.class,
                        broken)
                    == 1);
    assertThat(http.get("/actuator/prometheus", null).body())
        .containsPattern("stride_notification_deliveries_total\\{.*outcome=\"gave_up\".*\\} [1-9]");
  }

  private boolean emailOn(UUID user, String typeName) {
    return TestSettings.channel(
        http.get("/api/v1/notifications/settings", writer(user)).json(), typeName, "email");
  }

  private void comment(UUID owner, UUID author, String text) {
    TopicWriter.send(
        new CommentAdded(
            UUID.randomUUID(), UUID.randomUUID(), owner, author, text, List.of(), Instant.now()));
  }
}
