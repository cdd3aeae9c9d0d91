package io.stride.notification.listeners;

import io.stride.contracts.auth.UserDeleted;
import io.stride.contracts.auth.UserRegistered;
import io.stride.contracts.profile.ProfileUpdated;
import io.stride.contracts.social.Blocked;
import io.stride.contracts.social.Unblocked;
import io.stride.notification.erasure.NotificationErasure;
import io.stride.notification.inbox.InboxChanges;
import io.stride.notification.people.Persons;
import io.stride.notification.settings.DigestTimes;
import io.stride.platform.blocks.BlockedPairs;
import io.stride.platform.events.EventHandler;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * Who people are (registration, profiles; a move to another time zone moves the next digest), who
 * blocks whom (a block also takes each out of the other's notifications), and erasure.
 */
@Component
class PeopleListener {

  private final Persons persons;
  private final BlockedPairs blocks;
  private final InboxChanges inbox;
  private final NotificationErasure erasure;
  private final DigestTimes digests;

  PeopleListener(
      Persons persons,
      BlockedPairs blocks,
      InboxChanges inbox,
      NotificationErasure erasure,
      DigestTimes digests) {
    this.persons = persons;
    this.blocks = blocks;
    this.inbox = inbox;
    this.erasure = erasure;
    this.digests = digests;
  }

  @EventHandler
  void on(UserRegistered event) {
    persons.apply(event);
  }

  @EventHandler
  void on(ProfileUpdated event) {
    ZoneId before = persons.get(event.userId()).zone();
    persons.apply(event);
    if (!persons.get(event.userId()).zone().equals(before)) {
      digests.zoneChanged(event.userId());
    }
  }

  @EventHandler
  void on(Blocked event) {
    blocks.apply(event);
    inbox.forgetEachOther(event.userId(), event.blockedId());
  }

  @EventHandler
  void on(Unblocked event) {
    blocks.apply(event);
  }

  @EventHandler
  void on(UserDeleted event) {
    erasure.erase(event.userId());
  }
}
