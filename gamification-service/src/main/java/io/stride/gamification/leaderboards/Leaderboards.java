package io.stride.gamification.leaderboards;

import io.stride.gamification.leaderboards.Standings.Entry;
import io.stride.gamification.leaderboards.Standings.Leaderboard;
import io.stride.gamification.leaderboards.Standings.Mine;
import io.stride.platform.paging.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a board for a viewer: the top (or a page after a cursor), the viewer's rank and the
 * athletes around them, each an index range read however many are on the board (ADR 0029). Ranks
 * count everyone on the board; the viewer does not see those blocked either way, nor private
 * accounts they do not follow.
 */
@Service
public class Leaderboards {

  /** Whether the viewer (:viewer) may see entry {@code e} of athlete {@code a}. */
  private static final String VISIBLE =
      """
      (e.athlete_id = :viewer or (
        not exists (select 1 from blocked_pair b where b.blocked
          and ((b.blocker_id = :viewer and b.blocked_id = e.athlete_id)
            or (b.blocker_id = e.athlete_id and b.blocked_id = :viewer)))
        and (not coalesce(a.account_private, false)
          or exists (select 1 from follow f where f.active
                     and f.follower_id = :viewer and f.user_id = e.athlete_id))))
      """;

  /** Columns of an entry plus whether the viewer may see it. */
  private static final String ENTRY =
      "select e.athlete_id, e.score, a.display_name, a.avatar_url, "
          + VISIBLE
          + " visible from board_entry e left join athlete a on a.user_id = e.athlete_id";

  private static final String RANK =
      """
      select coalesce((select sum(athletes) from board_bucket
                       where board = :board and bucket > :bucket), 0)
           + (select count(*) from board_entry
              where board = :board and score > :score and score < :bucketEnd)
      """;

  private record Row(
      UUID athleteId, long score, String displayName, String avatarUrl, boolean visible) {}

  /** Where a page ended: the last row's key, how many rows came before it, and its rank. */
  private record After(long score, UUID athleteId, long position, long rank) {}

  private final JdbcClient jdbc;

  Leaderboards(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param limit entries to show from the top or after {@code cursor}
   * @param around how many visible athletes to show above and below the viewer
   */
  @Transactional(readOnly = true)
  public Leaderboard read(
      String board, String unit, UUID viewer, String cursor, int limit, int around) {
    After after =
        cursor == null
            ? null
            : Cursor.decode(
                cursor, key -> new After(key.number(), key.uuid(), key.number(), key.number()));
    List<Entry> entries = new ArrayList<>();
    long position = after == null ? 0 : after.position();
    long rank = after == null ? 0 : after.rank();
    long lastScore = after == null ? Long.MIN_VALUE : after.score();
    Row last = null;
    boolean more = true;
    Long fromScore = after == null ? null : after.score();
    UUID fromId = after == null ? null : after.athleteId();
    while (entries.size() < limit && more) {
      int chunk = limit + 20;
      List<Row> rows = below(board, viewer, fromScore, fromId, chunk);
      more = rows.size() == chunk;
      for (int i = 0; i < rows.size(); i++) {
        Row row = rows.get(i);
        position++;
        if (row.score() != lastScore) {
          rank = position;
          lastScore = row.score();
        }
        fromScore = row.score();
        fromId = row.athleteId();
        if (row.visible()) {
          entries.add(entry(row, rank, viewer));
          last = row;
          if (entries.size() == limit) {
            more = more || i < rows.size() - 1;
            break;
          }
        }
      }
    }
    String next =
        entries.size() == limit && more && last != null
            ? Cursor.of(last.score(), last.athleteId(), position, rank).encode()
            : null;
    Optional<Long> myScore = scoreOf(board, viewer);
    Mine me = myScore.map(score -> new Mine(rankOf(board, score), score)).orElse(null);
    List<Entry> neighbours =
        me == null || around == 0 ? List.of() : around(board, viewer, me, around);
    return new Leaderboard(board, unit, participants(board), entries, next, me, neighbours);
  }

  private List<Row> below(String board, UUID viewer, Long score, UUID athleteId, int limit) {
    return jdbc.sql(
            ENTRY
                + " where e.board = :board"
                + (score == null ? "" : " and (e.score, e.athlete_id) < (:score, :after)")
                + " order by e.score desc, e.athlete_id desc limit :limit")
        .param("board", board)
        .param("viewer", viewer)
        .param("score", score == null ? 0L : score)
        .param("after", athleteId == null ? viewer : athleteId)
        .param("limit", limit)
        .query(Leaderboards::row)
        .list();
  }

  private List<Entry> around(String board, UUID viewer, Mine me, int count) {
    Map<Long, Long> ranks = new HashMap<>();
    ranks.put(me.score(), me.rank());
    List<Row> above =
        jdbc.sql(
                ENTRY
                    + " where e.board = :board and (e.score, e.athlete_id) > (:score, :viewer)"
                    + " and "
                    + VISIBLE
                    + " order by e.score, e.athlete_id limit :limit")
            .param("board", board)
            .param("viewer", viewer)
            .param("score", me.score())
            .param("limit", count)
            .query(Leaderboards::row)
            .list();
    List<Row> below =
        jdbc.sql(
                ENTRY
                    + " where e.board = :board and (e.score, e.athlete_id) < (:score, :viewer)"
                    + " and "
                    + VISIBLE
                    + " order by e.score desc, e.athlete_id desc limit :limit")
            .param("board", board)
            .param("viewer", viewer)
            .param("score", me.score())
            .param("limit", count)
            .query(Leaderboards::row)
            .list();
    List<Entry> around = new ArrayList<>();
    for (int i = above.size() - 1; i >= 0; i--) {
      Row row = above.get(i);
      around.add(entry(row, ranks.computeIfAbsent(row.score(), s -> rankOf(board, s)), viewer));
    }
    for (Row row : below) {
      around.add(entry(row, ranks.computeIfAbsent(row.score(), s -> rankOf(board, s)), viewer));
    }
    return around;
  }

  /** 1 + how many on the board score more (ties share a rank). */
  long rankOf(String board, long score) {
    int bucket = Boards.bucketOf(score);
    return 1
        + jdbc.sql(RANK)
            .param("board", board)
            .param("bucket", bucket)
            .param("score", score)
            .param("bucketEnd", Boards.bucketEnd(bucket))
            .query(Long.class)
            .single();
  }

  private Optional<Long> scoreOf(String board, UUID athleteId) {
    return jdbc.sql("select score from board_entry where board = ? and athlete_id = ?")
        .params(board, athleteId)
        .query(Long.class)
        .optional();
  }

  private long participants(String board) {
    return jdbc.sql("select coalesce(sum(athletes), 0) from board_bucket where board = ?")
        .param(board)
        .query(Long.class)
        .single();
  }

  private static Entry entry(Row row, long rank, UUID viewer) {
    return new Entry(
        rank,
        row.athleteId(),
        row.displayName(),
        row.avatarUrl(),
        row.score(),
        row.athleteId().equals(viewer));
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getObject("athlete_id", UUID.class),
        rs.getLong("score"),
        rs.getString("display_name"),
        rs.getString("avatar_url"),
        rs.getBoolean("visible"));
  }
}
