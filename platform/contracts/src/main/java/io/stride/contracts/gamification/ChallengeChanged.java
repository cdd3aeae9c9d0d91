package io.stride.contracts.gamification;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A challenge as it now stands: sent when it is created and each time it is changed. For the
 * services that suggest challenges (recommendation-service). Consumers keep the one with the latest
 * {@code changedAt} per challenge.
 *
 * @param goal {@code distance} (meters), {@code moving_time} (seconds), {@code count} (workouts) or
 *     {@code elevation} (meters climbed)
 * @param target the goal's amount in the goal's unit
 * @param sport the sport that counts, or null when every sport counts
 * @param scope who may join: {@code everyone}, {@code region} (athletes of {@code region}) or
 *     {@code club} (members of {@code clubId})
 * @param region the region of a {@code region} challenge, else null
 * @param clubId the club of a {@code club} challenge, else null
 */
@EventType(name = "ChallengeChanged", version = 1)
public record ChallengeChanged(
    UUID challengeId,
    String title,
    String goal,
    long target,
    String sport,
    Instant startsAt,
    Instant endsAt,
    String scope,
    String region,
    UUID clubId,
    boolean sponsored,
    Instant changedAt)
    implements StrideEvent {

  @Override
  public String subject() {
    return challengeId.toString();
  }
}
