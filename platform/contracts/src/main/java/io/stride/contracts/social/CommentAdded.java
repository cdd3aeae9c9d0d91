package io.stride.contracts.social;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code authorId} commented on {@code ownerId}'s workout. {@code text} is plain text (never HTML);
 * {@code mentionedIds} are the athletes it mentions who are in no block with the author and may see
 * the workout (the owner always; otherwise by its visibility, the account's privacy and approved
 * follows, never across a block with the owner), so each of them may be told of the comment.
 */
@EventType(name = "CommentAdded", version = 1)
public record CommentAdded(
    UUID commentId,
    UUID workoutId,
    UUID ownerId,
    UUID authorId,
    String text,
    List<UUID> mentionedIds,
    Instant createdAt)
    implements StrideEvent {

  public CommentAdded {
    mentionedIds = List.copyOf(mentionedIds);
  }

  @Override
  public String subject() {
    return workoutId.toString();
  }
}
