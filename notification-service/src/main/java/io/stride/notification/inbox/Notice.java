package io.stride.notification.inbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What a source asks the inbox to tell a person: of which type, who did it (or {@code null}), what
 * it is about, the data its text needs, and its group: one notification per person and group, so
 * the same fact told twice is one notification, and a collapsing type's later actors join it.
 */
public record Notice(
    String type,
    UUID recipientId,
    UUID actorId,
    UUID subjectId,
    String groupKey,
    Map<String, String> data,
    Instant at) {

  public Notice {
    data = Map.copyOf(data);
  }

  /** A notice whose group is its type, subject and actor: told once. */
  public static Notice of(String type, UUID recipientId, UUID actorId, UUID subjectId, Instant at) {
    return new Notice(
        type,
        recipientId,
        actorId,
        subjectId,
        type + ":" + subjectId + ":" + actorId,
        Map.of(),
        at);
  }

  public Notice groupedBy(String key) {
    return new Notice(type, recipientId, actorId, subjectId, key, data, at);
  }

  public Notice with(Map<String, String> values) {
    return new Notice(type, recipientId, actorId, subjectId, groupKey, values, at);
  }
}
