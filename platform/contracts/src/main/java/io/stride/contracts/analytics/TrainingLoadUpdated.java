package io.stride.contracts.analytics;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An athlete's training state on their today after a workout was recorded, changed or deleted (or a
 * daily reading arrived): the impulse-response model's fitness (CTL, 42-day), fatigue (ATL, 7-day)
 * and form (TSB = CTL − ATL), the acute:chronic workload ratio and the readiness score with the
 * codes of its reasons (docs/analytics.md has every formula). Consumers keep the one with the
 * latest {@code computedAt} per athlete.
 *
 * @param day the athlete's local date the values hold for
 * @param acuteChronicRatio null until 28 days of history exist
 * @param readiness 0–100, null when there is not enough history to say
 * @param readinessReasons what moved the score, as codes ({@code form-fresh}, {@code load-spike},
 *     {@code resting-hr-up} …); the texts live with the API
 */
@EventType(name = "TrainingLoadUpdated", version = 1)
public record TrainingLoadUpdated(
    UUID userId,
    LocalDate day,
    double fitness,
    double fatigue,
    double form,
    Double acuteChronicRatio,
    Integer readiness,
    List<String> readinessReasons,
    Instant computedAt)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }
}
