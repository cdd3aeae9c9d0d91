package io.stride.gamification.leaderboards;

import io.stride.gamification.leaderboards.Standings.Entry;
import io.stride.gamification.leaderboards.Standings.Leaderboard;
import io.stride.gamification.leaderboards.Standings.Mine;
import io.stride.platform.paging.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * The viewer's score, as a subquery the planner runs once first, so that the neighbours are index
   * range reads from it (joined as a table, it would scan the board in score order instead).
   */
  private static final String MY_SCORE =
      "(select score from board_entry where board = :board and athlete_id = :viewer)";

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
    List<Row> near = neighbourhood(board, viewer, around);
    Ranks ranks = ranks(board, near.stream().map(Row::score).distinct().toList());
    Mine me =
        near.stream()
            .filter(row -> row.athleteId().equals(viewer))
            .findFirst()
            .map(row -> new Mine(ranks.of(row.score()), row.score()))
            .orElse(null);
    List<Entry> neighbours =
        near.stream()
            .filter(row -> !row.athleteId().equals(viewer))
            .map(row -> entry(row, ranks.of(row.score()), viewer))
            .toList();
    return new Leaderboard(board, unit, ranks.participants(), entries, next, me, neighbours);
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

  /**
   * The viewer's own row and up to {@code count} visible athletes on either side, best first, in
   * one statement; no rows when the viewer is not on the board.
   */
  private List<Row> neighbourhood(String board, UUID viewer, int count) {
    return jdbc.sql(
            "select * from ((select * from ("
                + ENTRY
                + " where e.board = :board and (e.score, e.athlete_id) > ("
                + MY_SCORE
                + ", :viewer) and "
                + VISIBLE
                + " order by e.score, e.athlete_id limit :count) above) union all ("
                + ENTRY
                + " where e.board = :board and e.athlete_id = :viewer) union all (select * from ("
                + ENTRY
                + " where e.board = :board and (e.score, e.athlete_id) < ("
                + MY_SCORE
                + ", :viewer) and "
                + VISIBLE
                + " order by e.score desc, e.athlete_id desc limit :count) below)) near"
                + " order by score desc, athlete_id desc")
        .param("board", board)
        .param("viewer", viewer)
        .param("count", count)
        .query(Leaderboards::row)
        .list();
  }

  /** How many are on the board, and the rank of each of some scores on it. */
  private record Ranks(long participants, Map<Long, Long> byScore) {
    long of(long score) {
      return byScore.get(score);
    }
  }

  /** The board's size and the ranks of these scores (1 + how many score more), in one statement. */
  private Ranks ranks(String board, List<Long> scores) {
    Long[] values = scores.toArray(Long[]::new);
    Integer[] buckets = scores.stream().map(Boards::bucketOf).toArray(Integer[]::new);
    Long[] ends = Arrays.stream(buckets).map(Boards::bucketEnd).toArray(Long[]::new);
    return jdbc.sql(
            """
            select coalesce((select sum(athletes) from board_bucket where board = :board), 0),
              array(select 1 + coalesce((select sum(athletes) from board_bucket
                                         where board = :board and bucket > s.bucket), 0)
                      + (select count(*) from board_entry
                         where board = :board and score > s.score and score < s.bucket_end)
                    from unnest(cast(:scores as bigint[]), cast(:buckets as integer[]),
                                cast(:ends as bigint[])) with ordinality s (score, bucket, bucket_end, n)
                    order by s.n)
            """)
        .param("board", board)
        .param("scores", values)
        .param("buckets", buckets)
        .param("ends", ends)
        .query(
            (rs, n) -> {
              Long[] found = (Long[]) rs.getArray(2).getArray();
              Map<Long, Long> byScore = new HashMap<>();
              for (int i = 0; i < found.length; i++) {
                byScore.put(values[i], found[i]);
              }
              return new Ranks(rs.getLong(1), byScore);
            })
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
