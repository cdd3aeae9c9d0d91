package io.stride.contracts.workout;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A day of an athlete's tracker readings, summarized again after new readings changed it: about a
 * minute after a batch, at most once a minute per day, and only when a figure changed. Consumers
 * keep the one with the latest {@code summarizedAt} per athlete and day.
 *
 * @param day the athlete's local day
 * @param steps the day's steps (the device that counted most), null without step readings
 * @param restingHeartRate the 5th percentile of the day's heart-rate readings, null without any
 */
@EventType(name = "DailyReadingsSummarized", version = 1)
public record DailyReadingsSummarized(
    UUID userId, LocalDate day, Long steps, Integer restingHeartRate, Instant summarizedAt)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }
}
