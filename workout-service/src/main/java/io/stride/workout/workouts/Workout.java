package io.stride.workout.workouts;

import io.stride.workout.metrics.Sport;
import io.stride.workout.visibility.Visibility;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One workout: its summary figures; samples live in workout_stream. */
@Entity
@Table(name = "workout")
class Workout {

  enum Source {
    MANUAL,
    FILE,
    LIVE
  }

  enum CaloriesSource {
    DEVICE,
    ESTIMATED,
    MANUAL
  }

  @Id private UUID id;
  private UUID ownerId;

  @Enumerated(EnumType.STRING)
  private Sport sport;

  private String title;
  private String notes;

  @Enumerated(EnumType.STRING)
  private Visibility visibility;

  private Instant startTime;
  private int elapsedSeconds;
  private Integer movingSeconds;

  @Column(name = "distance_m")
  private Double distanceMeters;

  @Column(name = "elevation_gain_m")
  private Double elevationGainMeters;

  @Column(name = "elevation_loss_m")
  private Double elevationLossMeters;

  private Integer calories;

  @Enumerated(EnumType.STRING)
  private CaloriesSource caloriesSource;

  private Integer averageHeartRate;
  private Integer maxHeartRate;

  @Enumerated(EnumType.STRING)
  private Source source;

  private String device;
  private String deviceName;
  private short metricsVersion;
  private UUID importId;
  private UUID gearId;
  private Short perceivedEffort;

  /** ActivityMetrics as JSON (splits, best efforts, zones, averages); null for manual entries. */
  @JdbcTypeCode(SqlTypes.JSON)
  private String metrics;

  @JdbcTypeCode(SqlTypes.JSON)
  private String deviceTotals;

  @JdbcTypeCode(SqlTypes.JSON)
  private String laps;

  private Instant createdAt;
  private Instant updatedAt;

  @Version private long version;

  protected Workout() {}

  Workout(UUID id, UUID ownerId, Source source, Instant now) {
    this.id = id;
    this.ownerId = ownerId;
    this.source = source;
    this.createdAt = now;
    this.updatedAt = now;
  }

  boolean isOwnedBy(UUID user) {
    return ownerId.equals(user);
  }

  void describe(Sport sport, String title, String notes, Visibility visibility) {
    this.sport = sport;
    this.title = title;
    this.notes = notes;
    this.visibility = visibility;
  }

  void setTotals(
      Instant startTime,
      int elapsedSeconds,
      Integer movingSeconds,
      Double distanceMeters,
      Double elevationGainMeters,
      Double elevationLossMeters) {
    this.startTime = startTime;
    this.elapsedSeconds = elapsedSeconds;
    this.movingSeconds = movingSeconds;
    this.distanceMeters = distanceMeters;
    this.elevationGainMeters = elevationGainMeters;
    this.elevationLossMeters = elevationLossMeters;
  }

  void setBody(Integer calories, CaloriesSource source, Integer averageHr, Integer maxHr) {
    this.calories = calories;
    this.caloriesSource = calories == null ? null : source;
    this.averageHeartRate = averageHr;
    this.maxHeartRate = maxHr;
  }

  void setRecording(
      String device,
      String deviceName,
      UUID importId,
      String metrics,
      String deviceTotals,
      String laps) {
    this.device = device;
    this.deviceName = deviceName;
    this.metricsVersion = (short) io.stride.workout.metrics.WorkoutMetrics.VERSION;
    this.importId = importId;
    this.metrics = metrics;
    this.deviceTotals = deviceTotals;
    this.laps = laps;
  }

  void touched(Instant now) {
    this.updatedAt = now;
  }

  UUID id() {
    return id;
  }

  UUID ownerId() {
    return ownerId;
  }

  Sport sport() {
    return sport;
  }

  String title() {
    return title;
  }

  String notes() {
    return notes;
  }

  Visibility visibility() {
    return visibility;
  }

  Instant startTime() {
    return startTime;
  }

  int elapsedSeconds() {
    return elapsedSeconds;
  }

  Integer movingSeconds() {
    return movingSeconds;
  }

  Double distanceMeters() {
    return distanceMeters;
  }

  Double elevationGainMeters() {
    return elevationGainMeters;
  }

  Double elevationLossMeters() {
    return elevationLossMeters;
  }

  Integer calories() {
    return calories;
  }

  CaloriesSource caloriesSource() {
    return caloriesSource;
  }

  Integer averageHeartRate() {
    return averageHeartRate;
  }

  Integer maxHeartRate() {
    return maxHeartRate;
  }

  Source source() {
    return source;
  }

  String device() {
    return device;
  }

  String deviceName() {
    return deviceName;
  }

  UUID importId() {
    return importId;
  }

  /** The shoes, bike or other gear the athlete used; null for none. */
  UUID gearId() {
    return gearId;
  }

  void useGear(UUID gearId) {
    this.gearId = gearId;
  }

  /** The athlete's rating of the session, 1 (very light) to 10 (maximal); null for none. */
  Integer perceivedEffort() {
    return perceivedEffort == null ? null : perceivedEffort.intValue();
  }

  /** Rates the session; null or 0 removes the rating. */
  void ratePerceivedEffort(Integer rating) {
    this.perceivedEffort = rating == null || rating == 0 ? null : rating.shortValue();
  }

  String metrics() {
    return metrics;
  }

  String deviceTotals() {
    return deviceTotals;
  }

  String laps() {
    return laps;
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
}
