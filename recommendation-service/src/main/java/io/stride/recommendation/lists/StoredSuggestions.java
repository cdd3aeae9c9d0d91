package io.stride.recommendation.lists;

import io.stride.platform.web.NotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The precomputed lists ({@code person}, {@code challenge}, {@code club}) and the athletes'
 * dismissals. A list is replaced whole at each refresh; readers page it by rank.
 */
@Repository
public class StoredSuggestions {

  private final JdbcClient jdbc;

  StoredSuggestions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One entry of a list: what, how well it scored, and why (JSON). */
  public record Entry(UUID targetId, double score, String reasons) {}

  /** Replaces the athlete's list of {@code kind}; rank 1 is the first entry. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void replace(UUID user, String kind, List<Entry> entries) {
    jdbc.sql("delete from suggestion where user_id = ? and kind = ?").params(user, kind).update();
    if (entries.isEmpty()) {
      return;
    }
    List<Object> params = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder(
            "insert into suggestion (user_id, kind, rank, target_id, score, reasons) values ");
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
      params.addAll(List.of(user, kind, i + 1, entry.targetId(), entry.score(), entry.reasons()));
    }
    jdbc.sql(sql.toString()).params(params).update();
  }

  /** The athletes whose people list holds {@code person} (at most {@code limit}). */
  public List<UUID> holdersOf(UUID person, int limit) {
    return jdbc.sql(
            "select user_id from suggestion where kind = 'person' and target_id = ? limit ?")
        .params(person, limit)
        .query(UUID.class)
        .list();
  }

  /**
   * The athlete does not want {@code target} suggested again. Only what was suggested to them can
   * be dismissed: anything else is 404, as if it did not exist.
   */
  @Transactional
  public void dismiss(UUID user, String kind, UUID target, Instant at) {
    boolean known =
        jdbc.sql(
                """
                select exists (select 1 from suggestion
                               where user_id = ? and kind = ? and target_id = ?)
                    or exists (select 1 from dismissal
                               where user_id = ? and kind = ? and target_id = ?)
                """)
            .params(user, kind, target, user, kind, target)
            .query(Boolean.class)
            .single();
    if (!known) {
      throw new NotFoundException("No such " + kind + " among your suggestions");
    }
    jdbc.sql(
            """
            insert into dismissal (user_id, kind, target_id, dismissed_at) values (?, ?, ?, ?)
            on conflict do nothing
            """)
        .params(user, kind, target, Timestamp.from(at))
        .update();
  }

  /** Takes a dismissal back: the target may be suggested again at the next refresh. */
  @Transactional
  public void undismiss(UUID user, String kind, UUID target) {
    int gone =
        jdbc.sql("delete from dismissal where user_id = ? and kind = ? and target_id = ?")
            .params(user, kind, target)
            .update();
    if (gone == 0) {
      throw new NotFoundException("You did not dismiss this " + kind);
    }
  }
}
