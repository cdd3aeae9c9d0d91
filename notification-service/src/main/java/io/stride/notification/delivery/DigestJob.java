package io.stride.notification.delivery;

import io.stride.notification.people.Person;
import io.stride.notification.people.Persons;
import io.stride.notification.settings.EmailDigest;
import io.stride.notification.settings.Preferences;
import io.stride.notification.settings.QuietHours;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the digests that are due: for each person whose next digest time has come (claimed with
 * {@code skip locked}, so replicas share the work), one email delivery for the period since the
 * last one, when it has anything to tell (after the person's quiet hours), and the time of the
 * next. The delivery's source is named by person and period, so a period is never mailed twice;
 * {@link DeliveryWorker} sends it.
 */
@Component
class DigestJob {

  private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

  /** The most digests one pass makes; the next pass goes on. */
  private static final int MOST_PER_PASS = 1_000;

  /** A person whose digest is due. */
  private record Due(UUID userId, EmailDigest digest, Instant since, Instant at) {}

  private final JdbcClient jdbc;
  private final TransactionOperations transactions;
  private final DigestEmails digests;
  private final Persons persons;
  private final Preferences preferences;
  private final JsonMapper json;
  private final Clock clock;

  DigestJob(
      JdbcClient jdbc,
      TransactionOperations transactions,
      DigestEmails digests,
      Persons persons,
      Preferences preferences,
      JsonMapper json,
      Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.digests = digests;
    this.persons = persons;
    this.preferences = preferences;
    this.json = json;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${stride.notifications.digest.poll:30s}")
  void makeDue() {
    // each person in a transaction of their own: one that fails holds up nobody else
    for (int made = 0; made < MOST_PER_PASS; made++) {
      Due[] claimed = new Due[1];
      try {
        Boolean any =
            transactions.execute(
                status -> {
                  claimed[0] = claim();
                  if (claimed[0] == null) {
                    return false;
                  }
                  make(claimed[0], clock.instant());
                  return true;
                });
        if (!Boolean.TRUE.equals(any)) {
          return;
        }
      } catch (RuntimeException e) {
        if (claimed[0] == null) {
          throw e;
        }
        log.error(
            "Could not make the digest of person {}; it skips this period", claimed[0].userId(), e);
        skip(claimed[0]);
      }
    }
  }

  private Due claim() {
    return jdbc.sql(
            """
            select user_id, email_digest, digest_since, next_digest_at from delivery_settings
            where next_digest_at <= ? order by next_digest_at limit 1 for update skip locked
            """)
        .param(Timestamp.from(clock.instant()))
        .query(
            (rs, row) ->
                new Due(
                    rs.getObject(1, UUID.class),
                    EmailDigest.ofKey(rs.getString(2)).orElseThrow(),
                    rs.getTimestamp(3).toInstant(),
                    rs.getTimestamp(4).toInstant()))
        .optional()
        .orElse(null);
  }

  /** A digest that could not be made: its period's notifications stay in the inbox. */
  private void skip(Due due) {
    transactions.executeWithoutResult(status -> advance(due, clock.instant()));
  }

  private void make(Due due, Instant now) {
    Person person = persons.get(due.userId());
    if (!digests.contents(due.userId(), due.since(), due.at()).isEmpty()) {
      Map<String, String> period =
          Map.of(
              "digest",
              due.digest().key(),
              "from",
              due.since().toString(),
              "to",
              due.at().toString());
      jdbc.sql(
              """
              insert into delivery (delivery_id, user_id, channel, kind, source_event_id, payload,
                status, not_before, created_at)
              values (?, ?, 'email', ?, ?, cast(? as jsonb), 'PENDING', ?, ?) on conflict do nothing
              """)
          .params(
              UUID.randomUUID(),
              due.userId(),
              DigestEmails.KIND,
              periodId(due),
              json.writeValueAsString(period),
              Timestamp.from(
                  QuietHours.sendAt(now, preferences.settings(due.userId()), person.zone())),
              Timestamp.from(now))
          .update();
    }
    advance(due, now);
  }

  private void advance(Due due, Instant now) {
    jdbc.sql("update delivery_settings set digest_since = ?, next_digest_at = ? where user_id = ?")
        .params(
            Timestamp.from(due.at()),
            Timestamp.from(due.digest().next(now, persons.get(due.userId()).zone())),
            due.userId())
        .update();
  }

  private static UUID periodId(Due due) {
    return UUID.nameUUIDFromBytes(
        ("digest:" + due.userId() + ":" + due.at()).getBytes(StandardCharsets.UTF_8));
  }
}
