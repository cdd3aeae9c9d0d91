package io.stride.notification.inbox;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One notification as the inbox shows it.
 *
 * @param type e.g. {@code kudos}, {@code follow}, {@code import-failed}
 * @param title its words in the reader's language
 * @param body a sentence more
 * @param actor who did it (the latest of them), or null when nobody did (a record, a failed import)
 * @param actorCount how many people are behind it (12 for "Ada and 11 others gave kudos")
 * @param subjectId what it is about: a workout, an athlete, an import
 * @param link where it leads in the web app
 * @param updatedAt when it last changed (a new kudos); the inbox is newest first by this
 */
public record NotificationView(
    UUID id,
    String type,
    String title,
    String body,
    @Nullable Actor actor,
    int actorCount,
    @Nullable UUID subjectId,
    String link,
    Instant createdAt,
    Instant updatedAt,
    boolean read) {

  /** Who did it: their id, current name and picture. */
  public record Actor(UUID athleteId, @Nullable String displayName, @Nullable String avatarUrl) {}
}
