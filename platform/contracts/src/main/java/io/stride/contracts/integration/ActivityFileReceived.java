package io.stride.contracts.integration;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An activity file for an athlete arrived from outside Stride: a partner's app pushed it for an
 * athlete who connected the app and let it add workouts (ADR 0041). workout-service imports it as
 * it imports an upload, under {@code importId} (so a redelivered event imports nothing twice), and
 * answers with {@code ImportCompleted} or {@code ImportFailed} of that id.
 *
 * @param importId the import's id in workout-service, chosen here (the push's id)
 * @param origin who sent it, in words for the athlete (the partner's name)
 * @param externalId the sender's own id of the activity
 * @param fileName the name the sender gave the file, or null
 * @param gzipBase64 the file exactly as sent, gzip-compressed, then base64-encoded
 * @param sha256 hex SHA-256 of the file as sent (before compression)
 * @param sport the sport the sender names (Stride's API name), or null: what the file says
 * @param title the activity's title where it came from, or null: Stride names it (since v2)
 * @param visibility who may see it where it came from ({@code public}, {@code followers}, {@code
 *     private}), or null; the workout is shown to no more people than this and than the athlete's
 *     default allows (since v2)
 */
@EventType(name = "ActivityFileReceived", version = 2)
public record ActivityFileReceived(
    UUID importId,
    UUID userId,
    String origin,
    String externalId,
    String fileName,
    String gzipBase64,
    String sha256,
    String sport,
    Instant receivedAt,
    String title,
    String visibility)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }
}
