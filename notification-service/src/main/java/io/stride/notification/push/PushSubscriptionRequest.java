package io.stride.notification.push;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A device or browser to push to: a browser's {@code PushSubscription} as its {@code toJSON()}
 * gives it (endpoint, keys, expirationTime) with {@code kind: "webpush"}, or a mobile app's FCM
 * registration token with {@code kind: "fcm"}; a label to tell them apart.
 */
record PushSubscriptionRequest(
    @Schema(
            description = "webpush: a browser's PushSubscription; fcm: an app's FCM token",
            allowableValues = {"webpush", "fcm"},
            example = "webpush")
        @NotNull
        String kind,
    @Schema(
            description = "webpush: the push service URL of the subscription (https)",
            example = "https://fcm.googleapis.com/fcm/send/dGVzdC1lbmRwb2ludA:APA91bH")
        @Nullable String endpoint,
    @Schema(description = "webpush: the keys of the subscription") @Nullable Keys keys,
    @Schema(
            description = "webpush: when the browser lets it expire, as it reports it (not used)",
            example = "1767225600000")
        @Nullable Long expirationTime,
    @Schema(
            description = "fcm: the app's registration token",
            example = "fMEp1YJ2R0mS8nT5:APA91bGx7Q-example-token")
        @Nullable String token,
    @Schema(description = "What the person calls the device", example = "Pixel 8")
        @Nullable
        @Size(max = 80)
        String label) {

  /** The browser's keys, base64url as {@code PushSubscription.toJSON()} gives them. */
  record Keys(
      @Schema(
              description = "The browser's P-256 public key, uncompressed (65 bytes)",
              example =
                  "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4")
          @Nullable String p256dh,
      @Schema(
              description = "The browser's auth secret (16 bytes)",
              example = "BTBZMqHH6r4Tts7J_aSIgg")
          @Nullable String auth) {}
}
