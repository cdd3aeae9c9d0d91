package io.stride.platform.paging;

import io.stride.platform.web.InvalidRequestException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Where a page ended: the sort key of its last item (e.g. a start time and an id), opaque to
 * clients. Encoded as URL-safe base64 of the key's parts joined by {@code :} (each part
 * percent-escaped, an instant as seconds and nanoseconds); a cursor that does not decode to the key
 * a list expects answers 422 naming {@code cursor}, never 500.
 *
 * <pre>{@code
 * String next = Cursor.of(last.startTime(), last.id()).encode();
 * After after = Cursor.decode(text, key -> new After(key.instant(), key.uuid()));
 * }</pre>
 */
public record Cursor(List<String> parts) {

  public Cursor {
    parts = List.copyOf(parts);
  }

  /** The cursor for a sort key of instants, UUIDs, numbers and strings, in this order. */
  public static Cursor of(Object... key) {
    List<String> parts = new ArrayList<>();
    for (Object value : key) {
      if (value instanceof Instant instant) {
        parts.add(Long.toString(instant.getEpochSecond()));
        parts.add(Integer.toString(instant.getNano()));
      } else if (value instanceof UUID || value instanceof Number || value instanceof String) {
        parts.add(value.toString());
      } else {
        throw new IllegalArgumentException("not a sort key part: " + value);
      }
    }
    return new Cursor(parts);
  }

  public String encode() {
    String raw =
        String.join(
            ":",
            parts.stream().map(part -> URLEncoder.encode(part, StandardCharsets.UTF_8)).toList());
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The sort key {@code read} makes of the cursor's parts, or {@code null} for no cursor (the first
   * page). Anything that is not a cursor of this shape is a 422 naming {@code cursor}.
   */
  public static <T> T decode(String text, Function<Key, T> read) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.UTF_8);
      List<String> parts = new ArrayList<>();
      for (String part : raw.split(":", -1)) {
        parts.add(URLDecoder.decode(part, StandardCharsets.UTF_8));
      }
      Key key = new Key(parts);
      T value = read.apply(key);
      if (value == null || !key.isFullyRead()) {
        throw new IllegalArgumentException("not this list's cursor");
      }
      return value;
    } catch (RuntimeException e) {
      throw InvalidRequestException.of("cursor", "is not a cursor this API returned");
    }
  }

  /** The parts of a decoded cursor, read in the order {@link #of} was given them. */
  public static final class Key {

    private final List<String> parts;
    private int next;

    private Key(List<String> parts) {
      this.parts = parts;
    }

    public Instant instant() {
      long seconds = Long.parseLong(text());
      return Instant.ofEpochSecond(seconds, Integer.parseInt(text()));
    }

    public UUID uuid() {
      return UUID.fromString(text());
    }

    public long number() {
      return Long.parseLong(text());
    }

    public String text() {
      return parts.get(next++);
    }

    private boolean isFullyRead() {
      return next == parts.size();
    }
  }
}
