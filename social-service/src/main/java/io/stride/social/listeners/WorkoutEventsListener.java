package io.stride.social.listeners;

import io.stride.contracts.workout.PersonalRecordSet;
import io.stride.contracts.workout.WorkoutDeleted;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutUpdated;
import io.stride.platform.events.EventHandler;
import io.stride.social.feed.FeedRows;
import io.stride.social.feed.PersonalRecords;
import org.springframework.stereotype.Component;

/**
 * Workouts into feeds: a recorded workout (version 0) or a newer state of one is fanned out as its
 * visibility allows; an older or repeated event changes nothing; a deleted one leaves every feed.
 * The personal records a workout set are shown with it.
 */
@Component
class WorkoutEventsListener {

  private final FeedRows feed;
  private final PersonalRecords records;

  WorkoutEventsListener(FeedRows feed, PersonalRecords records) {
    this.feed = feed;
    this.records = records;
  }

  @EventHandler
  void on(WorkoutRecorded event) {
    feed.apply(event.workout(), 0);
  }

  @EventHandler
  void on(WorkoutUpdated event) {
    feed.apply(event.workout(), event.version());
  }

  @EventHandler
  void on(WorkoutDeleted event) {
    feed.delete(event.workoutId(), event.userId());
  }

  @EventHandler
  void on(PersonalRecordSet event) {
    records.apply(event);
  }
}
