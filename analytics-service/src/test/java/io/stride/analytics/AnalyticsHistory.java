package io.stride.analytics;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.profile.ProfileUpdated;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.platform.test.TestEvents;
import io.stride.platform.test.TestTokens;
import io.stride.platform.test.TopicWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Athletes and workouts for the tests: made the way production makes them, by events. */
public final class AnalyticsHistory {

  private static final TestTokens tokens = TestTokens.get();

  private final JdbcTemplate jdbc;

  public AnalyticsHistory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A new athlete in {@code zone} and {@code region} (null for none), once the copy holds it. */
  public UUID athlete(String zone, String region) {
    UUID id = UUID.randomUUID();
    send(TestEvents.profileUpdated(id, "Athlete", "PUBLIC", zone, region, 1));
    return id;
  }

  /** The profile with the body data TRIMP reads. */
  public static ProfileUpdated profile(
      UUID id,
      String zone,
      String sex,
      LocalDate birthDate,
      Integer maxHr,
      Integer restHr,
      long v) {
    return new ProfileUpdated(
        id,
        "Athlete",
        null,
        birthDate,
        sex,
        175,
        70.0,
        maxHr,
        restHr,
        "METRIC",
        zone,
        "FOLLOWERS",
        "PUBLIC",
        null,
        v);
  }

  /** Sends the event and waits until analytics-service has applied it. */
  public EventEnvelope<StrideEvent> send(StrideEvent event) {
    return TopicWriter.sendApplied(event, jdbc.getDataSource(), "analytics");
  }

  public WorkoutSummary record(WorkoutSummary workout) {
    send(new WorkoutRecorded(workout));
    return workout;
  }

  /** A run of {@code km} in {@code minutes} at an average heart rate (null for none). */
  public static WorkoutSummary run(
      UUID owner, Instant start, double km, long minutes, Integer averageHeartRate) {
    return workout(
        UUID.randomUUID(), owner, "run", start, km, minutes, averageHeartRate, null, null);
  }

  public static WorkoutSummary workout(
      UUID workoutId,
      UUID owner,
      String sport,
      Instant start,
      double km,
      long minutes,
      Integer averageHeartRate,
      List<Double> zoneSeconds,
      Integer perceivedEffort) {
    return new WorkoutSummary(
        workoutId,
        owner,
        sport,
        "Workout",
        start,
        minutes * 60,
        minutes * 60,
        km * 1000,
        25.0,
        (int) (km * 60),
        averageHeartRate,
        "public",
        "file",
        List.of(),
        4.0,
        averageHeartRate == null ? null : averageHeartRate + 20,
        0,
        zoneSeconds,
        perceivedEffort);
  }

  public static String reader(UUID user) {
    return tokens.forUser(user, "analytics:read");
  }
}
