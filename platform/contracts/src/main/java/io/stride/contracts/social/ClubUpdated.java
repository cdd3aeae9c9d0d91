package io.stride.contracts.social;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A club's directory facts as they now stand: sent when the club is created and each time one of
 * these changes. For the services that suggest or list clubs (recommendation-service); the members
 * follow from {@code ClubJoined} and {@code ClubLeft}. Consumers keep the one with the latest
 * {@code updatedAt} per club.
 *
 * @param sport the club's sport, or null for a club of every sport
 * @param region the region code the club belongs to ({@code DE}, {@code US-CA} …)
 * @param privateClub true when joining needs an admin's approval and only members see the club's
 *     members
 */
@EventType(name = "ClubUpdated", version = 1)
public record ClubUpdated(
    UUID clubId, String name, String sport, String region, boolean privateClub, Instant updatedAt)
    implements StrideEvent {

  @Override
  public String subject() {
    return clubId.toString();
  }
}
