package io.stride.notification.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.stride.notification.delivery.Deliveries;
import io.stride.notification.settings.Preferences;
import io.stride.notification.stream.StreamKind;
import io.stride.notification.stream.StreamLog;
import io.stride.notification.types.Channel;
import io.stride.notification.types.NotificationType;
import io.stride.notification.types.NotificationTypes;
import io.stride.platform.blocks.BlockedPairs;
import io.stride.platform.erasure.PlatformErasure;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns notices into notifications, in the transaction of the event that caused them (so a
 * redelivered event, already recorded, makes nothing twice). Nobody is told of what they did
 * themselves, of a person in a block with them, or anything after their erasure. A new
 * notification, or a new actor joining a collapsing one, goes to the live stream; email and push
 * are scheduled once per notification by the person's preferences.
 */
@Service
public class Inbox {

  private final JdbcClient jdbc;
  private final NotificationTypes types;
  private final Preferences preferences;
  private final BlockedPairs blocks;
  private final PlatformErasure erasure;
  private final StreamLog stream;
  private final Deliveries deliveries;
  private final JsonMapper json;
  private final MeterRegistry meters;
  private final Clock clock;

  Inbox(
      JdbcClient jdbc,
      NotificationTypes types,
      Preferences preferences,
      BlockedPairs blocks,
      PlatformErasure erasure,
      StreamLog stream,
      Deliveries deliveries,
      JsonMapper json,
      MeterRegistry meters,
      Clock clock) {
    this.jdbc = jdbc;
    this.types = types;
    this.preferences = preferences;
    this.blocks = blocks;
    this.erasure = erasure;
    this.stream = stream;
    this.deliveries = deliveries;
    this.json = json;
    this.meters = meters;
    this.clock = clock;
  }

  /**
   * @return whether the inbox changed
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean tell(Notice notice) {
    NotificationType type = types.get(notice.type());
    UUID recipient = notice.recipientId();
    UUID actor = notice.actorId();
    if (recipient.equals(actor)
        || erasure.anyErased(recipient, actor)
        || (actor != null && blocks.eitherWay(recipient, actor))) {
      count(type, "withheld");
      return false;
    }
    UUID id = UUID.randomUUID();
    Set<Channel> channels = preferences.channels(recipient, type);
    boolean inApp = channels.contains(Channel.IN_APP);
    // the notification and its first actor in one statement
    int created =
        jdbc.sql(
                """
                with created as (
                  insert into notification (notification_id, user_id, type, group_key, actor_id,
                    actor_count, subject_id, data, created_at, updated_at, noticed_at, in_app)
                  values (:id, :user, :type, :group, :actor, :count, :subject, cast(:data as jsonb),
                    :at, :at, :now, :inApp)
                  on conflict (user_id, group_key) do nothing
                  returning notification_id),
                first_actor as (
                  insert into notification_actor (notification_id, actor_id, acted_at)
                  select notification_id, :actor, :at from created where :hasActor)
                select count(*) from created
                """)
            .param("id", id)
            .param("user", recipient)
            .param("type", type.name())
            .param("group", notice.groupKey())
            .param("actor", actor)
            .param("hasActor", actor != null)
            .param("count", actor == null ? 0 : 1)
            .param("subject", notice.subjectId())
            .param("data", json.writeValueAsString(notice.data()))
            .param("at", Timestamp.from(notice.at()))
            .param("now", Timestamp.from(clock.instant()))
            .param("inApp", inApp)
            .query(Integer.class)
            .single();
    if (created == 1) {
      if (inApp) {
        stream.append(recipient, StreamKind.NOTIFICATION, id);
      }
      deliveries.schedule(id, recipient, type, channels, notice.at());
      count(type, "created");
      return true;
    }
    return type.collapses() && actor != null && joinActor(type, notice);
  }

  /** A later actor of a collapsing group: counted once, shown as the latest, unread again. */
  private boolean joinActor(NotificationType type, Notice notice) {
    record Existing(UUID id, boolean inApp) {}
    Existing existing =
        jdbc.sql(
                "select notification_id, in_app from notification where user_id = ? and"
                    + " group_key = ? for update")
            .params(notice.recipientId(), notice.groupKey())
            .query(
                (rs, row) ->
                    new Existing(rs.getObject("notification_id", UUID.class), rs.getBoolean(2)))
            .single();
    if (!addActor(existing.id(), notice.actorId(), notice)) {
      count(type, "repeated");
      return false;
    }
    jdbc.sql(
            """
            update notification set actor_id = :actor, actor_count = actor_count + 1,
              updated_at = greatest(updated_at, :at), noticed_at = :now, read_at = null
            where notification_id = :id
            """)
        .param("actor", notice.actorId())
        .param("at", Timestamp.from(notice.at()))
        .param("now", Timestamp.from(clock.instant()))
        .param("id", existing.id())
        .update();
    if (existing.inApp()) {
      stream.append(notice.recipientId(), StreamKind.NOTIFICATION, existing.id());
    }
    count(type, "collapsed");
    return true;
  }

  private boolean addActor(UUID notificationId, UUID actor, Notice notice) {
    if (actor == null) {
      return false;
    }
    return jdbc.sql(
                "insert into notification_actor (notification_id, actor_id, acted_at) values (?,"
                    + " ?, ?) on conflict do nothing")
            .params(notificationId, actor, Timestamp.from(notice.at()))
            .update()
        == 1;
  }

  private void count(NotificationType type, String outcome) {
    meters.counter("stride.notifications", "type", type.name(), "outcome", outcome).increment();
  }
}
