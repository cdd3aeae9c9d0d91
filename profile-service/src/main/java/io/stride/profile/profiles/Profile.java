package io.stride.profile.profiles;

import io.stride.platform.security.Caller;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The athlete's profile; one per account, created when the account is registered. */
@Entity
@Table(name = "profile")
class Profile {

  enum Sex {
    FEMALE,
    MALE,
    OTHER
  }

  enum Units {
    METRIC,
    IMPERIAL
  }

  enum Visibility {
    PUBLIC,
    FOLLOWERS,
    PRIVATE
  }

  enum AccountPrivacy {
    PUBLIC,
    PRIVATE
  }

  @Id
  @Column(name = "user_id")
  private UUID userId;

  private String displayName;
  private String avatarUrl;
  private LocalDate birthDate;

  @Enumerated(EnumType.STRING)
  private Sex sex;

  private Integer heightCm;
  private BigDecimal weightKg;
  private Integer maxHeartRate;
  private Integer restingHeartRate;

  @Enumerated(EnumType.STRING)
  private Units units;

  private String timeZone;

  private String region;

  @Enumerated(EnumType.STRING)
  private Visibility defaultWorkoutVisibility;

  @Enumerated(EnumType.STRING)
  private AccountPrivacy accountPrivacy;

  private Instant createdAt;
  private Instant updatedAt;

  @Version private long version;

  protected Profile() {}

  static Profile newFor(UUID userId, String displayName, Instant now) {
    Profile profile = new Profile();
    profile.userId = userId;
    profile.displayName = displayName;
    profile.units = Units.METRIC;
    profile.timeZone = "UTC";
    profile.defaultWorkoutVisibility = Visibility.FOLLOWERS;
    profile.accountPrivacy = AccountPrivacy.PUBLIC;
    profile.createdAt = now;
    profile.updatedAt = now;
    return profile;
  }

  /** The owner sees their profile; others (users or partner apps) only a public one. */
  boolean isVisibleTo(Caller viewer) {
    return viewer.is(userId) || accountPrivacy == AccountPrivacy.PUBLIC;
  }

  UUID userId() {
    return userId;
  }

  String displayName() {
    return displayName;
  }

  String avatarUrl() {
    return avatarUrl;
  }

  LocalDate birthDate() {
    return birthDate;
  }

  Sex sex() {
    return sex;
  }

  Integer heightCm() {
    return heightCm;
  }

  BigDecimal weightKg() {
    return weightKg;
  }

  Integer maxHeartRate() {
    return maxHeartRate;
  }

  Integer restingHeartRate() {
    return restingHeartRate;
  }

  Units units() {
    return units;
  }

  String timeZone() {
    return timeZone;
  }

  /** A region code of region-service ({@code DE}, {@code DE-BY}); {@code null} until chosen. */
  String region() {
    return region;
  }

  Visibility defaultWorkoutVisibility() {
    return defaultWorkoutVisibility;
  }

  AccountPrivacy accountPrivacy() {
    return accountPrivacy;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant updatedAt() {
    return updatedAt;
  }

  long version() {
    return version;
  }

  /** Applies the fields present in the request; absent (null) fields keep their value. */
  void apply(UpdateProfileRequest change, Instant now) {
    if (change.displayName() != null) displayName = change.displayName().trim();
    if (change.avatarUrl() != null) avatarUrl = change.avatarUrl();
    if (change.birthDate() != null) birthDate = change.birthDate();
    if (change.sex() != null) sex = change.sex();
    if (change.heightCm() != null) heightCm = change.heightCm();
    if (change.weightKg() != null) weightKg = change.weightKg();
    if (change.maxHeartRate() != null) maxHeartRate = change.maxHeartRate();
    if (change.restingHeartRate() != null) restingHeartRate = change.restingHeartRate();
    if (change.units() != null) units = change.units();
    if (change.timeZone() != null) timeZone = change.timeZone();
    if (change.defaultWorkoutVisibility() != null) {
      defaultWorkoutVisibility = change.defaultWorkoutVisibility();
    }
    if (change.accountPrivacy() != null) accountPrivacy = change.accountPrivacy();
    if (change.region() != null) region = change.region().toUpperCase(java.util.Locale.ROOT);
    updatedAt = now;
  }
}
