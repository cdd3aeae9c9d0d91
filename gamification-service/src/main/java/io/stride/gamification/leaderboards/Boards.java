package io.stride.gamification.leaderboards;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes athletes' scores onto boards and keeps each board's bucket counts true (ADR 0029): an
 * entry's bucket is {@code floor(sqrt(64 * score))}, and {@code board_bucket} holds how many
 * entries each bucket has, so a rank is a sum over buckets above plus a count inside one. Bucket
 * counters are changed in one order (board, bucket) by every writer, so two writers never deadlock.
 */
@Service
public class Boards {

  private record BucketKey(String board, int bucket) implements Comparable<BucketKey> {
    @Override
    public int compareTo(BucketKey other) {
      int byBoard = board.compareTo(other.board);
      return byBoard != 0 ? byBoard : Integer.compare(bucket, other.bucket);
    }
  }

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  Boards(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /**
   * The bucket of a score: {@code floor(sqrt(64 * score))}, computed alike here and in SQL (a
   * correctly rounded square root of an exact double, exact for scores below 2^46). Buckets widen
   * with the score, as athletes thin out towards the top; at 20 km a bucket is 35 m wide.
   */
  static int bucketOf(long score) {
    return (int) Math.sqrt(64.0 * score);
  }

  /** The first score of the bucket after {@code bucket}: the least s with 64 s >= (bucket + 1)². */
  static long bucketEnd(int bucket) {
    long next = bucket + 1L;
    return (next * next + 63) / 64;
  }

  /**
   * Puts the athlete on exactly these boards with these scores: entries not named are removed,
   * changed ones rewritten. Runs under the athlete's lock.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void replace(UUID athleteId, Map<String, Long> wanted) {
    Map<String, Long> stored = new HashMap<>();
    jdbc.sql("select board, score from board_entry where athlete_id = ?")
        .param(athleteId)
        .query(
            rs -> {
              stored.put(rs.getString(1), rs.getLong(2));
            });
    List<Object[]> upserts = new ArrayList<>();
    List<Object[]> deletes = new ArrayList<>();
    Map<BucketKey, Integer> deltas = new TreeMap<>();
    TreeSet<String> boards = new TreeSet<>(stored.keySet());
    boards.addAll(wanted.keySet());
    for (String board : boards) {
      Long before = stored.get(board);
      Long after = wanted.get(board);
      if (Objects.equals(before, after)) {
        continue;
      }
      if (after == null) {
        deletes.add(new Object[] {board, athleteId});
      } else {
        upserts.add(new Object[] {board, athleteId, after});
      }
      if (before != null) {
        deltas.merge(new BucketKey(board, bucketOf(before)), -1, Integer::sum);
      }
      if (after != null) {
        deltas.merge(new BucketKey(board, bucketOf(after)), 1, Integer::sum);
      }
    }
    if (!deletes.isEmpty()) {
      template.batchUpdate("delete from board_entry where board = ? and athlete_id = ?", deletes);
    }
    if (!upserts.isEmpty()) {
      template.batchUpdate(
          "insert into board_entry (board, athlete_id, score) values (?, ?, ?)"
              + " on conflict (board, athlete_id) do update set score = excluded.score",
          upserts);
    }
    List<Object[]> counts = new ArrayList<>();
    deltas.forEach(
        (key, delta) -> {
          if (delta != 0) {
            // a CHECK applies to the row as proposed, so a decrement proposes 0 and adds the delta
            counts.add(new Object[] {key.board(), key.bucket(), Math.max(delta, 0), delta});
          }
        });
    if (!counts.isEmpty()) {
      template.batchUpdate(
          "insert into board_bucket (board, bucket, athletes) values (?, ?, ?)"
              + " on conflict (board, bucket) do update"
              + " set athletes = board_bucket.athletes + ?",
          counts);
    }
  }

  /** Removes a whole board (its challenge was deleted). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void drop(String board) {
    jdbc.sql("delete from board_entry where board = ?").param(board).update();
    jdbc.sql("delete from board_bucket where board = ?").param(board).update();
  }
}
