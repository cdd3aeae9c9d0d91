package io.stride.notification.settings;

import io.stride.notification.people.Persons;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Keeps a person's next digest at 08:00 where they live when they move to another time zone. */
@Component
public class DigestTimes {

  private final JdbcClient jdbc;
  private final Preferences preferences;
  private final Persons persons;
  private final Clock clock;

  DigestTimes(JdbcClient jdbc, Preferences preferences, Persons persons, Clock clock) {
    this.jdbc = jdbc;
    this.preferences = preferences;
    this.persons = persons;
    this.clock = clock;
  }

  /** The person's zone changed: their next digest goes at the next 08:00 of the new one. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void zoneChanged(UUID userId) {
    EmailDigest digest = preferences.settings(userId).emailDigest();
    Instant next = digest.next(clock.instant(), persons.get(userId).zone());
    if (next != null) {
      jdbc.sql(
              "update delivery_settings set next_digest_at = ? where user_id = ? and email_digest"
                  + " = ?")
          .params(Timestamp.from(next), userId, digest.key())
          .update();
    }
  }
}
