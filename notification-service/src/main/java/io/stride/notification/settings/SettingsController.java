package io.stride.notification.settings;

import io.stride.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Notification settings")
@RestController
@RequestMapping("/api/v1/notifications/settings")
class SettingsController {

  private final SettingsService settings;

  SettingsController(SettingsService settings) {
    this.settings = settings;
  }

  @Operation(
      operationId = "getNotificationSettings",
      summary = "Quiet hours, the push cap, and every notification type's channels")
  @GetMapping
  SettingsView get(CurrentUser user) {
    return settings.read(user.id());
  }

  @Operation(
      operationId = "changeNotificationSettings",
      summary =
          "Replace quiet hours and the push cap; switch the named types' channels on or off"
              + " (security notices cannot be switched off)")
  @PutMapping
  SettingsView change(CurrentUser user, @Valid @RequestBody SettingsRequest request) {
    return settings.change(user.id(), request);
  }
}
