package io.stride.profile.profiles;

import io.stride.contracts.auth.UserRegistered;
import io.stride.contracts.profile.ProfileUpdated;
import io.stride.platform.blocks.BlockedPairs;
import io.stride.platform.erasure.PlatformErasure;
import io.stride.platform.events.EventPublisher;
import io.stride.platform.security.Caller;
import io.stride.platform.web.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ProfileService {

  private final ProfileRepository profiles;
  private final EventPublisher events;
  private final PlatformErasure platform;
  private final ProfileRegions regions;
  private final BlockedPairs blocks;
  private final Clock clock;

  ProfileService(
      ProfileRepository profiles,
      EventPublisher events,
      PlatformErasure platform,
      ProfileRegions regions,
      BlockedPairs blocks,
      Clock clock) {
    this.profiles = profiles;
    this.events = events;
    this.platform = platform;
    this.regions = regions;
    this.blocks = blocks;
    this.clock = clock;
  }

  /** Creates the profile of a new account; a second registration event for it changes nothing. */
  @Transactional
  void createFor(UserRegistered registered) {
    if (profiles.existsById(registered.userId())) {
      return;
    }
    Profile profile =
        profiles.saveAndFlush(
            Profile.newFor(registered.userId(), registered.displayName(), clock.instant()));
    events.publish(toEvent(profile));
  }

  /**
   * Erases everything profile-service holds about a deleted account: the profile row and the
   * platform rows about the user (idempotency records, outbox events mentioning them, sent or not).
   * One row and a few events, so one transaction (the inbox's). Nothing is published: every
   * consumer of ProfileUpdated gets UserDeleted itself.
   */
  @Transactional
  void erase(UUID userId) {
    profiles.deleteAllByIdInBatch(List.of(userId));
    platform.erase(userId);
  }

  @Transactional(readOnly = true)
  ProfileResponse own(UUID userId) {
    return ProfileResponse.of(find(userId));
  }

  @Transactional
  ProfileResponse update(UUID userId, UpdateProfileRequest change) {
    Profile profile = find(userId);
    String region = change.region() != null ? regions.known(change.region()) : profile.region();
    ProfileRules.check(profile, change, LocalDate.now(clock), regions.minimumAge(region));
    profile.apply(change, clock.instant());
    profiles.saveAndFlush(profile);
    events.publish(toEvent(profile));
    return ProfileResponse.of(profile);
  }

  /**
   * Another athlete's public profile; 404 for a private one, and across a block either way (as if
   * it did not exist, so the answer does not tell a blocked person they were blocked).
   */
  @Transactional(readOnly = true)
  PublicProfileResponse viewedBy(Caller viewer, UUID profileId) {
    if (viewer.isUser() && !viewer.is(profileId) && blocks.eitherWay(viewer.userId(), profileId)) {
      throw new NotFoundException("No profile " + profileId + " you can see.");
    }
    return profiles
        .findById(profileId)
        .filter(profile -> profile.isVisibleTo(viewer))
        .map(PublicProfileResponse::of)
        .orElseThrow(() -> new NotFoundException("No profile " + profileId + " you can see."));
  }

  private Profile find(UUID userId) {
    return profiles
        .findById(userId)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "No profile yet for this account; it is created moments after registration."));
  }

  private static ProfileUpdated toEvent(Profile p) {
    return new ProfileUpdated(
        p.userId(),
        p.displayName(),
        p.avatarUrl(),
        p.birthDate(),
        p.sex() == null ? null : p.sex().name(),
        p.heightCm(),
        p.weightKg() == null ? null : p.weightKg().doubleValue(),
        p.maxHeartRate(),
        p.restingHeartRate(),
        p.units().name(),
        p.timeZone(),
        p.defaultWorkoutVisibility().name(),
        p.accountPrivacy().name(),
        p.region(),
        p.version());
  }
}
