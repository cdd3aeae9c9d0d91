package io.stride.workout.importing;

import io.stride.workout.metrics.Sport;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One uploaded or pushed file on its way to becoming a workout. */
@Entity
@Table(name = "workout_import")
class WorkoutImport {

  enum Status {
    QUEUED,
    PROCESSING,
    DONE,
    FAILED,
    DUPLICATE
  }

  @Id private UUID id;
  private UUID ownerId;

  @Enumerated(EnumType.STRING)
  private Status status;

  private String fileName;

  /** The sport the athlete chose at upload; null = what the file says. */
  @Enumerated(EnumType.STRING)
  private Sport requestedSport;

  private String format;
  private int sizeBytes;
  private String sha256;
  private String reason;
  private UUID workoutId;
  private int attempts;
  private Instant createdAt;
  private Instant startedAt;
  private Instant finishedAt;

  /** Who pushed the file (a partner's app, in words for the athlete); null = the athlete. */
  private String origin;

  /** The sender's own id of the activity; null for uploads. */
  private String externalId;

  protected WorkoutImport() {}

  WorkoutImport(UUID id, UUID ownerId, String fileName, int sizeBytes, String sha256, Instant now) {
    this.id = id;
    this.ownerId = ownerId;
    this.fileName = fileName;
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
    this.status = Status.QUEUED;
    this.createdAt = now;
  }

  void requestSport(Sport sport) {
    this.requestedSport = sport;
  }

  UUID id() {
    return id;
  }

  UUID ownerId() {
    return ownerId;
  }

  Status status() {
    return status;
  }

  String fileName() {
    return fileName;
  }

  String format() {
    return format;
  }

  int sizeBytes() {
    return sizeBytes;
  }

  String reason() {
    return reason;
  }

  UUID workoutId() {
    return workoutId;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant startedAt() {
    return startedAt;
  }

  Instant finishedAt() {
    return finishedAt;
  }

  String origin() {
    return origin;
  }

  String externalId() {
    return externalId;
  }
}
