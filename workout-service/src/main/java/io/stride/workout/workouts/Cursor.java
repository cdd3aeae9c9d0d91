package io.stride.workout.workouts;

import io.stride.platform.web.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page ended: the last item's start time and id, the list's sort key. Opaque to clients
 * (URL-safe base64); a cursor that does not decode is a 422, not a 500.
 */
record Cursor(Instant startTime, UUID id) {

  String encode() {
    String raw = startTime.getEpochSecond() + ":" + startTime.getNano() + ":" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static Cursor decode(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":", 3);
      return new Cursor(
          Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
          UUID.fromString(parts[2]));
    } catch (RuntimeException e) {
      throw InvalidRequestException.of("cursor", "is not a cursor this API returned");
    }
  }
}
