package io.stride.recommendation;

import static org.awaitility.Awaitility.await;

import io.stride.contracts.StrideEvent;
import io.stride.contracts.analytics.TrainingLoadUpdated;
import io.stride.contracts.gamification.ChallengeChanged;
import io.stride.contracts.gamification.ChallengeJoined;
import io.stride.contracts.social.ClubJoined;
import io.stride.contracts.social.ClubUpdated;
import io.stride.contracts.social.Followed;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.platform.test.TestEvents;
import io.stride.platform.test.TestTokens;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The world of a recommendation test, made the way production makes it: by the events of the
 * services that own each fact.
 */
public final class RecommendationFixtures {

  private static final AtomicLong versions = new AtomicLong(1);

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;

  public RecommendationFixtures(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public static String reader(UUID user) {
    return TestTokens.get().forUser(user, "recommendations:read");
  }

  public static String writer(UUID user) {
    return TestTokens.get().forUser(user, "recommendations:read", "recommendations:write");
  }

  /** A public athlete of {@code region} in UTC. */
  public UUID athlete(String region) {
    return athlete(region, "PUBLIC");
  }

  public UUID athlete(String region, String privacy) {
    UUID id = UUID.randomUUID();
    profile(id, region, privacy);
    return id;
  }

  public void profile(UUID id, String region, String privacy) {
    send(
        TestEvents.profileUpdated(
            id,
            "Athlete " + id.toString().substring(0, 4),
            privacy,
            "UTC",
            region,
            versions.incrementAndGet()));
  }

  public void follow(UUID follower, UUID user) {
    send(new Followed(follower, user, false, Instant.now(), versions.incrementAndGet()));
  }

  public UUID club(String name, String sport, String region, boolean privateClub) {
    UUID id = UUID.randomUUID();
    send(new ClubUpdated(id, name, sport, region, privateClub, Instant.now()));
    return id;
  }

  public void join(UUID club, UUID athlete) {
    send(new ClubJoined(club, athlete, "MEMBER", Instant.now()));
  }

  /** A challenge open from yesterday for {@code days} days. */
  public UUID challenge(
      String title,
      String sport,
      String goal,
      long target,
      String scope,
      String region,
      UUID club,
      int days) {
    UUID id = UUID.randomUUID();
    Instant start = Instant.now().minus(Duration.ofDays(1));
    send(
        new ChallengeChanged(
            id,
            title,
            goal,
            target,
            sport,
            start,
            start.plus(Duration.ofDays(days)),
            scope,
            region,
            club,
            false,
            Instant.now()));
    return id;
  }

  public void joinChallenge(UUID challenge, UUID athlete) {
    send(new ChallengeJoined(challenge, athlete, Instant.now()));
  }

  /** A shown workout of {@code minutes} at {@code start}; perceived effort 8 when hard, else 3. */
  public UUID workout(
      UUID user, String sport, Instant start, int minutes, double meters, boolean hard) {
    UUID id = UUID.randomUUID();
    send(
        new WorkoutRecorded(
            new WorkoutSummary(
                id,
                user,
                sport,
                sport + " workout",
                start,
                minutes * 60L,
                minutes * 60L,
                meters,
                50.0,
                400,
                140,
                "public",
                "manual",
                List.of(),
                null,
                null,
                null,
                null,
                hard ? 8 : 3)));
    return id;
  }

  /** A workout a day at noon (UTC) for the last {@code days} days before today. */
  public void weeksOf(UUID user, String sport, int days, int minutes, double meters) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (int i = days; i >= 1; i -= 2) {
      workout(
          user,
          sport,
          today.minusDays(i).atTime(12, 0).toInstant(ZoneOffset.UTC),
          minutes,
          meters,
          false);
    }
  }

  public void trainingState(UUID user, double form, Double ratio, Integer readiness) {
    send(
        new TrainingLoadUpdated(
            user,
            LocalDate.now(ZoneOffset.UTC),
            50,
            50 - form,
            form,
            ratio,
            readiness,
            List.of(),
            Instant.now()));
  }

  public void send(StrideEvent event) {
    TopicWriter.sendApplied(event, dataSource, "recommendation");
  }

  /** Waits until the lists of these athletes were recomputed after everything sent so far. */
  public void settled(UUID... users) {
    for (UUID user : users) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  jdbc.queryForObject(
                          "select count(*) from recommendation.refresh where user_id = ?"
                              + " and due_at is null and computed_at is not null",
                          Integer.class,
                          user)
                      == 1);
    }
  }
}
