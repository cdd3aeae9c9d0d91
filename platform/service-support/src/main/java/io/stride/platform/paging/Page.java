package io.stride.platform.paging;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list: its items and, when there are more, the {@link Cursor} to pass back for the
 * next page ({@code null} on the last page). As JSON: {@code {"items": [...], "nextCursor": ...}}.
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

  public Page {
    items = List.copyOf(items);
  }

  public static <T> Page<T> empty() {
    return new Page<>(List.of(), null);
  }

  /**
   * The page made of up to {@code limit + 1} items {@code fetched} in list order: the first {@code
   * limit}, and a cursor after the last of them when there was one more.
   */
  public static <T> Page<T> of(List<T> fetched, int limit, Function<T, Cursor> sortKey) {
    if (fetched.size() <= limit) {
      return new Page<>(fetched, null);
    }
    List<T> items = fetched.subList(0, limit);
    return new Page<>(items, sortKey.apply(items.get(limit - 1)).encode());
  }
}
