package io.stride.notification.sources;

import static io.stride.notification.types.Channel.EMAIL;
import static io.stride.notification.types.Channel.IN_APP;
import static io.stride.notification.types.Channel.PUSH;

import io.stride.contracts.social.CommentAdded;
import io.stride.contracts.social.KudosGiven;
import io.stride.notification.inbox.Inbox;
import io.stride.notification.inbox.Notice;
import io.stride.notification.types.NotificationSource;
import io.stride.notification.types.NotificationType;
import io.stride.platform.events.EventHandler;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Kudos on my workout (all of one workout's kudos collapse into one notification: "Ada and 11
 * others gave kudos"), a comment on my workout, a mention in a comment. social-service names only
 * mentioned athletes who may see the workout, so nobody hears of one they may not see.
 */
@Component
class InteractionNotifications implements NotificationSource {

  static final int EXCERPT = 140;

  static final NotificationType KUDOS =
      NotificationType.of("kudos", "/workouts/{subject}", IN_APP, PUSH).collapsing();
  static final NotificationType COMMENT =
      NotificationType.of("comment", "/workouts/{subject}", IN_APP, PUSH, EMAIL)
          .withFields("excerpt");
  static final NotificationType MENTION =
      NotificationType.of("mention", "/workouts/{subject}", IN_APP, PUSH, EMAIL)
          .withFields("excerpt");

  private final Inbox inbox;

  InteractionNotifications(Inbox inbox) {
    this.inbox = inbox;
  }

  @Override
  public List<NotificationType> types() {
    return List.of(KUDOS, COMMENT, MENTION);
  }

  @EventHandler
  void on(KudosGiven event) {
    inbox.tell(
        Notice.of(
                KUDOS.name(), event.ownerId(), event.giverId(), event.workoutId(), event.givenAt())
            .groupedBy("kudos:" + event.workoutId()));
  }

  @EventHandler
  void on(CommentAdded event) {
    Map<String, String> excerpt = Map.of("excerpt", excerpt(event.text()));
    inbox.tell(
        Notice.of(
                COMMENT.name(),
                event.ownerId(),
                event.authorId(),
                event.workoutId(),
                event.createdAt())
            .groupedBy("comment:" + event.commentId())
            .with(excerpt));
    for (UUID mentioned : event.mentionedIds()) {
      if (!mentioned.equals(event.ownerId())) {
        inbox.tell(
            Notice.of(
                    MENTION.name(),
                    mentioned,
                    event.authorId(),
                    event.workoutId(),
                    event.createdAt())
                .groupedBy("mention:" + event.commentId() + ":" + mentioned)
                .with(excerpt));
      }
    }
  }

  /** The start of a comment, cut at a word boundary where one is near. */
  static String excerpt(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    if (flat.codePointCount(0, flat.length()) <= EXCERPT) {
      return flat;
    }
    String cut = flat.substring(0, flat.offsetByCodePoints(0, EXCERPT));
    int space = cut.lastIndexOf(' ');
    return (space > EXCERPT / 2 ? cut.substring(0, space) : cut) + "…";
  }
}
