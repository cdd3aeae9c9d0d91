package io.stride.gamification.ledger;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What each athlete was told (ADR 0028, 0029): one row per athlete, kind (badge, level, daily,
 * weekly, challenge) and subject. It survives a rebuild, so nothing is announced twice.
 */
@Component
public class AnnouncementLedger {

  private final JdbcClient jdbc;

  AnnouncementLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Everything the athlete was told, as {@code kind/subject}. */
  public Set<String> told(UUID userId) {
    Set<String> subjects = new HashSet<>();
    jdbc.sql("select kind, subject from announcement where user_id = ?")
        .param(userId)
        .query(
            rs -> {
              subjects.add(rs.getString(1) + "/" + rs.getString(2));
            });
    return subjects;
  }

  /** Writes the subject into the ledger; true if it was not there. */
  public boolean record(UUID userId, String kind, String subject) {
    return jdbc.sql(
                "insert into announcement (user_id, kind, subject) values (?, ?, ?)"
                    + " on conflict do nothing")
            .params(userId, kind, subject)
            .update()
        > 0;
  }
}
