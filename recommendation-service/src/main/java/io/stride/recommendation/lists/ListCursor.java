package io.stride.recommendation.lists;

import io.stride.platform.paging.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a page of a precomputed list ended: the stored score and the id of its last entry. Lists
 * are ranked by score, best first, then by id in the database's order, so within one list "after
 * this score and id" is "after this rank"; when the list was made again between two pages, the next
 * page goes on after the entry already seen instead of jumping to a rank of a different list (what
 * ranked above it comes back only if its score changed).
 *
 * @param score the stored (unrounded) score of the last entry shown
 * @param id its target's id
 */
public record ListCursor(double score, UUID id) {

  /** The first page: before every entry. */
  public static final ListCursor FIRST = new ListCursor(Double.MAX_VALUE, new UUID(0, 0));

  /** PostgreSQL's order of uuids (bytes, unsigned), which Java's {@code compareTo} is not. */
  public static final Comparator<UUID> DATABASE_ORDER =
      (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0
            ? high
            : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
      };

  /** The condition on {@code s} (a suggestion row) for entries after {@code :afterScore/Id}. */
  public static final String AFTER =
      "(s.score < :afterScore or (s.score = :afterScore and s.target_id > :afterId))";

  /** The cursor a client sent back, {@link #FIRST} for none; anything else is a 422. */
  public static ListCursor decode(@Nullable String text) {
    ListCursor after =
        Cursor.decode(
            text,
            key -> {
              double score = Double.parseDouble(key.text());
              UUID id = key.uuid();
              if (!Double.isFinite(score)) {
                throw new IllegalArgumentException("not a list position");
              }
              return new ListCursor(score, id);
            });
    return after == null ? FIRST : after;
  }

  /**
   * The position of the suggestion row {@code rs} is on (its {@code score} and {@code target_id}).
   */
  public static ListCursor at(ResultSet rs) throws SQLException {
    return new ListCursor(rs.getDouble("score"), rs.getObject("target_id", UUID.class));
  }

  public Cursor cursor() {
    return Cursor.of(Double.toString(score), id);
  }
}
