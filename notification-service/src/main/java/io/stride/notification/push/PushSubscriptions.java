package io.stride.notification.push;

import io.stride.notification.push.SubscriptionRules.Checked;
import io.stride.platform.locks.TransactionLocks;
import io.stride.platform.web.ConflictException;
import io.stride.platform.web.NotFoundException;
import io.stride.platform.web.UnavailableException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The devices and browsers each person is pushed to. One subscription per endpoint or token: the
 * same one registered again is the same subscription (its keys and label brought up to date), and
 * registered by someone else it becomes theirs (a device changed hands: a new subscription, so no
 * push still pending for the former owner goes to the new one). At most {@link #MAX_PER_PERSON} per
 * person. A channel that is not set up on this server (no VAPID key, no FCM project) takes no
 * subscriptions: 503.
 */
@Service
class PushSubscriptions {

  static final int MAX_PER_PERSON = 20;
  private static final Duration NOT_SET_UP_RETRY = Duration.ofHours(1);
  private static final String COLUMNS =
      "select subscription_id, user_id, kind, address, p256dh, auth, label, created_at from"
          + " push_subscription ";

  /** A registration: the subscription, and whether it is new. */
  record Registered(Subscription subscription, boolean created) {}

  private final JdbcClient jdbc;
  private final SubscriptionRules rules;
  private final WebPushClient webPush;
  private final FcmClient fcm;
  private final Clock clock;

  PushSubscriptions(
      JdbcClient jdbc,
      PushProperties properties,
      WebPushClient webPush,
      FcmClient fcm,
      Clock clock) {
    this.jdbc = jdbc;
    this.rules = new SubscriptionRules(properties.webPushHosts());
    this.webPush = webPush;
    this.fcm = fcm;
    this.clock = clock;
  }

  @Transactional
  Registered register(UUID userId, PushSubscriptionRequest request) {
    Checked checked = rules.check(request);
    requireSetUp(checked.kind());
    // one registration of an address at a time, then one change of a person's list at a time
    TransactionLocks.hold(jdbc, "push-address:" + checked.kind().key() + ":" + checked.address());
    TransactionLocks.hold(jdbc, "push-subscriptions:" + userId);
    Optional<Subscription> existing =
        jdbc.sql(COLUMNS + "where address_key = ? and kind = ? and address = ?")
            .params(addressKey(checked), checked.kind().key(), checked.address())
            .query(this::row)
            .optional();
    if (existing.isPresent() && existing.get().userId().equals(userId)) {
      jdbc.sql(
              "update push_subscription set p256dh = ?, auth = ?, label = coalesce(?, label)"
                  + " where subscription_id = ?")
          .params(checked.p256dh(), checked.auth(), checked.label(), existing.get().id())
          .update();
      return new Registered(find(existing.get().id()).orElseThrow(), false);
    }
    existing.ifPresent(
        other ->
            jdbc.sql("delete from push_subscription where subscription_id = ?")
                .param(other.id())
                .update());
    int count =
        jdbc.sql("select count(*) from push_subscription where user_id = ?")
            .param(userId)
            .query(Integer.class)
            .single();
    if (count >= MAX_PER_PERSON) {
      throw new ConflictException(
          "At most "
              + MAX_PER_PERSON
              + " devices and browsers per person: remove one you no longer use first.");
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into push_subscription (subscription_id, user_id, kind, address, address_key,"
                + " p256dh, auth, label, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            userId,
            checked.kind().key(),
            checked.address(),
            addressKey(checked),
            checked.p256dh(),
            checked.auth(),
            checked.label(),
            Timestamp.from(clock.instant()))
        .update();
    return new Registered(find(id).orElseThrow(), true);
  }

  @Transactional(readOnly = true)
  List<Subscription> list(UUID userId) {
    return jdbc.sql(COLUMNS + "where user_id = ? order by created_at, subscription_id")
        .param(userId)
        .query(this::row)
        .list();
  }

  @Transactional
  void delete(UUID userId, UUID subscriptionId) {
    int deleted =
        jdbc.sql("delete from push_subscription where subscription_id = ? and user_id = ?")
            .params(subscriptionId, userId)
            .update();
    if (deleted == 0) {
      throw new NotFoundException("No push subscription " + subscriptionId + " of yours");
    }
  }

  Optional<Subscription> find(UUID subscriptionId) {
    return jdbc.sql(COLUMNS + "where subscription_id = ?")
        .param(subscriptionId)
        .query(this::row)
        .optional();
  }

  /** The push service said it no longer exists. */
  void remove(UUID subscriptionId) {
    jdbc.sql("delete from push_subscription where subscription_id = ?")
        .param(subscriptionId)
        .update();
  }

  String webPushKey() {
    return webPush
        .publicKey()
        .orElseThrow(
            () ->
                new UnavailableException(
                    "Web Push is not set up on this server (no VAPID key).", NOT_SET_UP_RETRY));
  }

  private void requireSetUp(PushKind kind) {
    if (kind == PushKind.WEBPUSH && webPush.publicKey().isEmpty()) {
      throw new UnavailableException(
          "Web Push is not set up on this server (no VAPID key): it takes no browser"
              + " subscriptions.",
          NOT_SET_UP_RETRY);
    }
    if (kind == PushKind.FCM && !fcm.available()) {
      throw new UnavailableException(
          "FCM is not set up on this server (no project or service account): it takes no app"
              + " tokens.",
          NOT_SET_UP_RETRY);
    }
  }

  /** SHA-256 of "kind:address": what the unique index holds (addresses are too long for it). */
  private static byte[] addressKey(Checked checked) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(
              (checked.kind().key() + ":" + checked.address()).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Subscription row(ResultSet rs, int row) throws SQLException {
    return new Subscription(
        rs.getObject("subscription_id", UUID.class),
        rs.getObject("user_id", UUID.class),
        PushKind.ofKey(rs.getString("kind")).orElseThrow(),
        rs.getString("address"),
        rs.getString("p256dh"),
        rs.getString("auth"),
        rs.getString("label"),
        rs.getTimestamp("created_at").toInstant());
  }
}
