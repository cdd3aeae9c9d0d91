package io.stride.notification.settings;

import io.stride.notification.settings.SettingsView.QuietHoursView;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * New settings: quiet hours (null for none) and the push cap replace what was; {@code emailDigest}
 * and {@code channels} change only what they name (the digest stays as it was when left out; {@code
 * channels} e.g. {@code {"kudos": {"email": true}}} changes that type and channel alone).
 */
public record SettingsRequest(
    @Nullable QuietHoursView quietHours,
    @Schema(description = "The most pushes in an hour", example = "10") @NotNull @Min(1) @Max(60)
        Integer pushPerHour,
    @Schema(
            description =
                "Emails one by one (off), or one a day or a week at 08:00 local time with what is"
                    + " still unread (daily, weekly: Mondays); security notices always come at once",
            allowableValues = {"off", "daily", "weekly"},
            example = "daily")
        @Nullable String emailDigest,
    @Schema(
            description = "Notification type → channel (in_app, email, push) → on or off",
            example = "{\"kudos\": {\"email\": true}, \"follow\": {\"push\": false}}")
        @Nullable
        @Size(max = 50)
        Map<String, Map<String, Boolean>> channels) {}
