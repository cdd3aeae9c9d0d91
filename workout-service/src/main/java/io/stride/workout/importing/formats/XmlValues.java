package io.stride.workout.importing.formats;

import io.stride.workout.metrics.Sport;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reading numbers, times and sport names as GPX and TCX writers spell them. */
final class XmlValues {

  private XmlValues() {}

  static double number(String text) {
    if (text == null || text.isBlank()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** ISO-8601 with an offset or {@code Z}; a time without one is taken as UTC. */
  static Instant time(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.trim();
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new UnreadableFileException(
            "The file has a time that is not ISO-8601: " + clip(value));
      }
    }
  }

  /** Sport from the free text writers put in GPX {@code <type>} or TCX {@code Sport}. */
  static Sport sport(String text) {
    if (text == null) {
      return null;
    }
    String value = text.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
    return switch (value) {
      case "running", "run", "street_running", "treadmill_running", "9" -> Sport.RUN;
      case "trail_running", "trail_run", "trailrun" -> Sport.TRAIL_RUN;
      case "walking", "walk", "10" -> Sport.WALK;
      case "hiking", "hike", "4" -> Sport.HIKE;
      case "biking", "cycling", "ride", "road_biking", "road_cycling", "bike", "1" -> Sport.RIDE;
      case "mountain_biking", "mountainbikeride", "mountain_bike", "mtb" -> Sport.MOUNTAIN_BIKE;
      case "indoor_cycling", "virtualride", "indoor_ride" -> Sport.INDOOR_RIDE;
      case "swimming", "swim", "open_water_swimming", "lap_swimming" -> Sport.SWIM;
      case "rowing", "row" -> Sport.ROWING;
      default -> Sport.fromApiName(value);
    };
  }

  /** A value quoted in a reason, cut so a hostile file cannot fill the import status. */
  static String clip(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }
}
