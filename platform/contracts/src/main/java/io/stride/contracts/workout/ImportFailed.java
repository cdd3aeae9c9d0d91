package io.stride.contracts.workout;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An uploaded activity file could not become a workout. {@code reason} says why in words for the
 * athlete (never a stack trace); the import's page ({@code GET /api/v1/workouts/imports/{id}})
 * keeps it too.
 *
 * @param fileName the name the file was uploaded with, or null
 */
@EventType(name = "ImportFailed", version = 1)
public record ImportFailed(
    UUID userId, UUID importId, String fileName, String reason, Instant failedAt)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }
}
