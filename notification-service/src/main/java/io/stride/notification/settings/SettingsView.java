package io.stride.notification.settings;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A person's notification settings.
 *
 * @param quietHours when push and email wait (in the person's own time zone), or null for never
 * @param pushPerHour the most pushes sent in an hour; more stay in the inbox only
 * @param emailDigest {@code off} (emails one by one), {@code daily} or {@code weekly}
 * @param types every notification type with its channels on or off
 */
public record SettingsView(
    @Nullable QuietHoursView quietHours,
    int pushPerHour,
    @Schema(allowableValues = {"off", "daily", "weekly"}) String emailDigest,
    List<TypeView> types) {

  /** From {@code start} to {@code end}, local time; may span midnight (22:00 to 07:00). */
  public record QuietHoursView(
      @Schema(type = "string", format = "time", example = "22:00") LocalTime start,
      @Schema(type = "string", format = "time", example = "07:00") LocalTime end) {}

  /**
   * @param switchable false for security notices, which always use their channels
   * @param channels {@code in_app}, {@code email}, {@code push}: on or off
   */
  public record TypeView(String type, boolean switchable, Map<String, Boolean> channels) {}
}
