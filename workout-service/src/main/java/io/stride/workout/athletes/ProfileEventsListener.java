package io.stride.workout.athletes;

import io.stride.contracts.profile.ProfileTopics;
import io.stride.contracts.profile.ProfileUpdated;
import io.stride.platform.events.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the local copy of athletes' settings current. */
@Component
class ProfileEventsListener {

  private final EventInbox inbox;
  private final Athletes athletes;

  ProfileEventsListener(EventInbox inbox, Athletes athletes) {
    this.inbox = inbox;
    this.athletes = athletes;
  }

  @KafkaListener(topics = ProfileTopics.PROFILES)
  void on(ConsumerRecord<String, String> record) {
    inbox.apply(record, ProfileUpdated.class, event -> athletes.apply(event.payload()));
  }
}
