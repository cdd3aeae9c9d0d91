package io.stride.profile.profiles;

import io.stride.contracts.auth.AuthTopics;
import io.stride.contracts.auth.UserRegistered;
import io.stride.platform.events.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Creates a profile for every registered account, once. */
@Component
class AccountEventsListener {

  private final EventInbox inbox;
  private final ProfileService profiles;

  AccountEventsListener(EventInbox inbox, ProfileService profiles) {
    this.inbox = inbox;
    this.profiles = profiles;
  }

  @KafkaListener(topics = AuthTopics.USERS)
  void on(ConsumerRecord<String, String> record) {
    inbox.apply(record, UserRegistered.class, event -> profiles.createFor(event.payload()));
  }
}
