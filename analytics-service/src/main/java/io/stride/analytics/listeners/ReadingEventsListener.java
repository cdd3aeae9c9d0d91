package io.stride.analytics.listeners;

import io.stride.analytics.athletes.Athletes;
import io.stride.analytics.fitness.TrainingState;
import io.stride.analytics.readings.DailyReadingCopies;
import io.stride.contracts.workout.DailyReadingsSummarized;
import io.stride.platform.events.EventHandler;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Daily readings summaries into the copy; one of today or yesterday (on the athlete's clock) moves
 * today's readiness, so the training state is published again.
 */
@Component
class ReadingEventsListener {

  private final DailyReadingCopies readings;
  private final Athletes athletes;
  private final TrainingState state;

  ReadingEventsListener(DailyReadingCopies readings, Athletes athletes, TrainingState state) {
    this.readings = readings;
    this.athletes = athletes;
    this.state = state;
  }

  @EventHandler
  void on(DailyReadingsSummarized event) {
    state.lock(event.userId());
    if (readings.apply(event)) {
      LocalDate today = state.today(athletes.find(event.userId()));
      if (!event.day().isBefore(today.minusDays(1)) && !event.day().isAfter(today)) {
        state.refresh(event.userId());
      }
    }
  }
}
