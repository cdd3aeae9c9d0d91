package io.stride.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * What every Stride API accepts as text and as a point in time, checked once for every service: in
 * JSON bodies ({@link InputRulesModule}), in the path and every query and form parameter ({@link
 * ControlCharacterParametersFilter}) and in instant and date parameters ({@link
 * InputRulesBinding}). A service's own rules (e.g. "not in the future") come on top.
 *
 * <ul>
 *   <li>Text holds no control characters except tab, line feed and carriage return (no NUL, which
 *       PostgreSQL refuses, no C1 controls), and no unpaired UTF-16 surrogate.
 *   <li>Instants and dates lie in [{@value #EARLIEST_TEXT}, {@value #LATEST_TEXT}): far enough back
 *       for anyone's training log, and far from where date arithmetic overflows.
 * </ul>
 */
public final class InputBounds {

  static final String EARLIEST_TEXT = "1900-01-01T00:00:00Z";
  static final String LATEST_TEXT = "2200-01-01T00:00:00Z";
  public static final Instant EARLIEST = Instant.parse(EARLIEST_TEXT);
  public static final Instant LATEST = Instant.parse(LATEST_TEXT);

  private static final String RANGE =
      "must be on or after " + EARLIEST_TEXT + " and before " + LATEST_TEXT;

  private InputBounds() {}

  /** Why {@code text} is refused, or {@code null} when it is fine. */
  public static String textProblem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isRefusedControl(c)) {
        return String.format(
            "contains the control character U+%04X at position %d; only tab, line feed and"
                + " carriage return are allowed",
            (int) c, i);
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return "contains an unpaired UTF-16 surrogate at position " + i;
      }
      if (Character.isLowSurrogate(c)) {
        return "contains an unpaired UTF-16 surrogate at position " + i;
      }
    }
    return null;
  }

  /** Why the point in time {@code value} is refused, or {@code null} when it is fine. */
  public static String timeProblem(Object value) {
    Instant instant = null;
    if (value instanceof Instant i) {
      instant = i;
    } else if (value instanceof OffsetDateTime o) {
      instant = o.toInstant();
    } else if (value instanceof ZonedDateTime z) {
      instant = z.toInstant();
    } else if (value instanceof LocalDateTime l) {
      instant = l.toInstant(ZoneOffset.UTC);
    } else if (value instanceof LocalDate d) {
      instant = d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    if (instant == null) {
      return null;
    }
    return instant.isBefore(EARLIEST) || !instant.isBefore(LATEST) ? RANGE : null;
  }

  /** The range in words, for a value that could not even be read as a point in time. */
  static String range() {
    return RANGE;
  }

  private static boolean isRefusedControl(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
  }
}
