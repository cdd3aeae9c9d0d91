package io.stride.notification.email;

import static io.stride.notification.TestMailServer.html;
import static io.stride.notification.TestMailServer.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.integration.WebhookDisabled;
import io.stride.notification.TestMailServer;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicWriter;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Emails to a partner's contact (no person's address): once per disabled webhook endpoint. */
@StrideIntegrationTest
class PartnerEmailIntegrationTests {

  private static final Instant FAILING_SINCE = Instant.parse("2026-12-07T08:00:00Z");
  private static final Instant DISABLED_AT = Instant.parse("2026-12-10T08:00:05Z");

  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  @Test
  void aDisabledWebhookIsEmailedToThePartnersContactOnceEvenWhenDeliveredTwice() throws Exception {
    UUID endpoint = UUID.randomUUID();
    UUID partner = UUID.randomUUID();
    String contact = "hooks-" + partner + "@acme.example";
    WebhookDisabled disabled = disabled(endpoint, partner, DISABLED_AT, contact);
    EventEnvelope<StrideEvent> first = TopicWriter.send(disabled);
    // the same envelope again (a redelivery), the same disabling in a new one (a second publish)
    TopicWriter.send(first);
    TopicWriter.send(disabled);
    // disabled again after an administrator enabled it: behind the others on the endpoint's
    // partition, and an email of its own
    EventEnvelope<StrideEvent> again =
        TopicWriter.send(
            disabled(endpoint, partner, DISABLED_AT.plus(Duration.ofDays(5)), contact));
    TopicWriter.awaitApplied(again, dataSource, "notification");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> sentTo(partner) == 2 && TestMailServer.to(contact).size() == 2);
    assertThat(TestMailServer.to(contact)).as("one email per disabling").hasSize(2);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from notification.delivery where partner_id = ? and user_id is"
                    + " null and payload is null",
                Integer.class,
                partner))
        .as("two deliveries, naming the partner, the address not kept once sent")
        .isEqualTo(2);
    MimeMessage mail =
        TestMailServer.to(contact).stream()
            .filter(each -> text(each).contains("December 10, 2026"))
            .findFirst()
            .orElseThrow();
    assertThat(mail.getSubject())
        .isEqualTo("Your Stride webhook endpoint at hooks.acme.example was disabled");
    assertThat(text(mail))
        .contains("Hello Acme <Coaching>,")
        .contains(
            "Every delivery to your webhook endpoint at hooks.acme.example has failed since"
                + " December 7, 2026, 08:00 UTC, so Stride disabled it at December 10, 2026,"
                + " 08:00 UTC")
        .contains("a Stride administrator must enable it again")
        .contains("the deliveries queued meanwhile go out then");
    assertThat(html(mail)).contains("Acme &lt;Coaching&gt;").doesNotContain("<Coaching>");
    assertThat(mail.getHeader("List-Unsubscribe")).isNull();
  }

  @Test
  void aVersionOneWebhookDisabledNamesNoContactAndSendsNothing() {
    UUID partner = UUID.randomUUID();
    WebhookDisabled old = disabled(UUID.randomUUID(), partner, DISABLED_AT, null);
    EventEnvelope<StrideEvent> written = TopicWriter.envelope(old);
    EventEnvelope<StrideEvent> versionOne =
        new EventEnvelope<>(
            written.id(),
            written.type(),
            written.source(),
            written.time(),
            written.subject(),
            1,
            written.trace(),
            old);
    TopicWriter.send(versionOne);

    TopicWriter.awaitApplied(versionOne, dataSource, "notification");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from notification.delivery where partner_id = ?",
                Integer.class,
                partner))
        .isZero();
  }

  @Test
  void aDisabledWebhookEmailWaitsOutAMailServerOutage() {
    UUID partner = UUID.randomUUID();
    String contact = "patient-" + partner + "@acme.example";

    TestMailServer.stop();
    try {
      TopicWriter.send(disabled(UUID.randomUUID(), partner, DISABLED_AT, contact));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  jdbc.queryForObject(
                          "select count(*) from notification.delivery where partner_id = ? and"
                              + " status = 'PENDING' and attempts >= 1 and last_error is not null",
                          Integer.class,
                          partner)
                      == 1);
    } finally {
      TestMailServer.restart();
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> sentTo(partner) == 1);
    assertThat(TestMailServer.to(contact)).hasSize(1);
  }

  private int sentTo(UUID partner) {
    return jdbc.queryForObject(
        "select count(*) from notification.delivery where partner_id = ? and status = 'SENT'",
        Integer.class,
        partner);
  }

  private static WebhookDisabled disabled(
      UUID endpoint, UUID partner, Instant disabledAt, String contact) {
    return new WebhookDisabled(
        endpoint,
        partner,
        "Acme <Coaching>",
        "hooks.acme.example",
        FAILING_SINCE,
        disabledAt,
        contact);
  }
}
