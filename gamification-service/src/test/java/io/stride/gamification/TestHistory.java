package io.stride.gamification;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.platform.test.TestEvents;
import io.stride.platform.test.TestTokens;
import io.stride.platform.test.TopicWriter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Athletes and workouts for the tests: made the way production makes them, by events. */
public final class TestHistory {

  private static final TestTokens tokens = TestTokens.get();

  private final JdbcTemplate jdbc;

  public TestHistory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A new athlete in {@code zone} and {@code region} (null for none), once the copy holds it. */
  public UUID athlete(String zone, String region) {
    UUID id = UUID.randomUUID();
    applied(TopicWriter.send(TestEvents.profileUpdated(id, "Athlete", "PUBLIC", zone, region, 1)));
    return id;
  }

  /** A new athlete with a name and account privacy (PUBLIC or PRIVATE), in UTC. */
  public UUID athlete(String name, String privacy, String region) {
    UUID id = UUID.randomUUID();
    applied(TopicWriter.send(TestEvents.profileUpdated(id, name, privacy, "UTC", region, 1)));
    return id;
  }

  /** Sends the event and waits until gamification-service has applied it. */
  public EventEnvelope<StrideEvent> send(StrideEvent event) {
    return applied(TopicWriter.send(event));
  }

  /** Waits until gamification-service has applied the event. */
  public EventEnvelope<StrideEvent> applied(EventEnvelope<StrideEvent> sent) {
    TopicWriter.awaitApplied(sent, jdbc.getDataSource(), "gamification");
    return sent;
  }

  /** A run recorded by a watch: {@code km} in {@code minutes}, 5 m/s at its fastest. */
  public static WorkoutSummary run(UUID owner, Instant start, double km, long minutes) {
    return summary(UUID.randomUUID(), owner, "run", start, km, minutes, "file", 0);
  }

  public static WorkoutSummary summary(
      UUID workoutId,
      UUID owner,
      String sport,
      Instant start,
      double km,
      long minutes,
      String source,
      int gpsJumps) {
    boolean manual = "manual".equals(source);
    return new WorkoutSummary(
        workoutId,
        owner,
        sport,
        "Workout",
        start,
        minutes * 60,
        minutes * 60,
        km * 1000,
        0.0,
        null,
        manual ? null : 150,
        "public",
        source,
        List.of(),
        manual ? null : 5.0,
        manual ? null : 180,
        manual ? null : gpsJumps);
  }

  /**
   * The same workout with another visibility ({@code public}, {@code followers}, {@code private}).
   */
  public static WorkoutSummary visible(WorkoutSummary w, String visibility) {
    return w.withVisibility(visibility);
  }

  public WorkoutSummary record(WorkoutSummary workout) {
    send(new WorkoutRecorded(workout));
    return workout;
  }

  public static String reader(UUID user) {
    return tokens.forUser(user, "gamification:read");
  }

  /** A token that may also join and leave challenges (and create them, where the user may). */
  public static String player(UUID user) {
    return tokens.forUser(user, "gamification:read", "gamification:write");
  }

  /** The token of a person with the role ADMIN. */
  public static String admin(UUID user) {
    return tokens.forAdmin(user, "gamification:read", "gamification:write");
  }
}
