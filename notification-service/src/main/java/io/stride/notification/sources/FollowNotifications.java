package io.stride.notification.sources;

import static io.stride.notification.types.Channel.EMAIL;
import static io.stride.notification.types.Channel.IN_APP;
import static io.stride.notification.types.Channel.PUSH;

import io.stride.contracts.social.FollowRequested;
import io.stride.contracts.social.Followed;
import io.stride.notification.inbox.Inbox;
import io.stride.notification.inbox.Notice;
import io.stride.notification.types.NotificationSource;
import io.stride.notification.types.NotificationType;
import io.stride.platform.events.EventHandler;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Someone follows me, asks to, or approved my request. One notification per pair and kind: a
 * follow, unfollow and follow again is told once.
 */
@Component
class FollowNotifications implements NotificationSource {

  static final NotificationType FOLLOW =
      NotificationType.of("follow", "/athletes/{actor}", IN_APP, PUSH, EMAIL);
  static final NotificationType REQUEST =
      NotificationType.of("follow-request", "/followers/requests", IN_APP, PUSH, EMAIL);
  static final NotificationType APPROVED =
      NotificationType.of("follow-approved", "/athletes/{actor}", IN_APP, PUSH);

  private final Inbox inbox;

  FollowNotifications(Inbox inbox) {
    this.inbox = inbox;
  }

  @Override
  public List<NotificationType> types() {
    return List.of(FOLLOW, REQUEST, APPROVED);
  }

  @EventHandler
  void on(FollowRequested event) {
    inbox.tell(
        Notice.of(
            REQUEST.name(),
            event.userId(),
            event.followerId(),
            event.followerId(),
            event.requestedAt()));
  }

  @EventHandler
  void on(Followed event) {
    if (event.approved()) {
      inbox.tell(
          Notice.of(
              APPROVED.name(),
              event.followerId(),
              event.userId(),
              event.userId(),
              event.followedAt()));
    } else {
      inbox.tell(
          Notice.of(
              FOLLOW.name(),
              event.userId(),
              event.followerId(),
              event.followerId(),
              event.followedAt()));
    }
  }
}
