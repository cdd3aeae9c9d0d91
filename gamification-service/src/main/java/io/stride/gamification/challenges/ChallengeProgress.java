package io.stride.gamification.challenges;

import io.stride.contracts.gamification.ChallengeCompleted;
import io.stride.gamification.ledger.AnnouncementLedger;
import io.stride.gamification.scoring.ScoredWorkout;
import io.stride.gamification.scoring.WorkoutFact;
import io.stride.platform.events.EventPublisher;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An athlete's progress in the challenges they joined, folded from their scored history like the
 * rest of their standing: every counted workout of the challenge's sport that started inside its
 * window adds its amount, whenever it was uploaded and whether it came before the athlete joined.
 * Workouts under review add nothing. Reaching the goal is told once ({@link ChallengeCompleted}).
 */
@Service
public class ChallengeProgress {

  private record Joined(Challenge challenge, long progress, int workouts, @Nullable UUID done) {}

  private record Folded(
      long progress,
      long publicProgress,
      int workouts,
      @Nullable WorkoutFact done,
      long achieved) {}

  private final JdbcClient jdbc;
  private final EventPublisher events;
  private final AnnouncementLedger ledger;

  ChallengeProgress(JdbcClient jdbc, EventPublisher events, AnnouncementLedger ledger) {
    this.jdbc = jdbc;
    this.events = events;
    this.ledger = ledger;
  }

  /**
   * Folds the scored history into every challenge the athlete joined, stores what changed and
   * announces completions.
   *
   * @return per challenge, the progress everyone may see (public workouts only), for its board
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Map<UUID, Long> refresh(UUID athleteId, List<ScoredWorkout> scores) {
    List<ScoredWorkout> inOrder =
        scores.stream()
            .filter(ScoredWorkout::counted)
            .sorted(
                Comparator.comparing((ScoredWorkout s) -> s.workout().startTime())
                    .thenComparing(s -> s.workout().workoutId()))
            .toList();
    Map<UUID, Long> boardScores = new LinkedHashMap<>();
    for (Joined joined : joined(athleteId)) {
      Challenge challenge = joined.challenge();
      Folded folded = fold(challenge, inOrder);
      boardScores.put(challenge.id(), folded.publicProgress());
      UUID done = folded.done() == null ? null : folded.done().workoutId();
      if (folded.progress() != joined.progress()
          || folded.workouts() != joined.workouts()
          || !Objects.equals(done, joined.done())) {
        store(challenge.id(), athleteId, folded);
      }
      if (folded.done() != null
          && ledger.record(athleteId, "challenge", challenge.id().toString())) {
        events.publish(
            new ChallengeCompleted(
                athleteId,
                challenge.id(),
                challenge.title(),
                challenge.goal().wireName(),
                challenge.target(),
                folded.achieved(),
                folded.done().workoutId(),
                folded.done().startTime(),
                challenge.campaignId()));
      }
    }
    return boardScores;
  }

  private static Folded fold(Challenge challenge, List<ScoredWorkout> inOrder) {
    long progress = 0;
    long publicProgress = 0;
    int workouts = 0;
    WorkoutFact done = null;
    long achieved = 0;
    for (ScoredWorkout scored : inOrder) {
      WorkoutFact workout = scored.workout();
      if (!challenge.counts(workout.sport(), workout.startTime())) {
        continue;
      }
      long amount = challenge.goal().amountOf(workout);
      progress += amount;
      workouts++;
      if ("public".equalsIgnoreCase(workout.visibility())) {
        publicProgress += amount;
      }
      if (done == null && progress >= challenge.target()) {
        done = workout;
        achieved = progress;
      }
    }
    return new Folded(progress, publicProgress, workouts, done, achieved);
  }

  private List<Joined> joined(UUID athleteId) {
    return jdbc.sql(
            "select "
                + ChallengeCatalog.COLUMNS
                + ", p.progress, p.workouts, p.completed_workout"
                + " from challenge_participant p join challenge c using (challenge_id)"
                + " where p.athlete_id = ? order by c.challenge_id")
        .param(athleteId)
        .query(
            (rs, row) ->
                new Joined(
                    ChallengeCatalog.challenge(rs, row),
                    rs.getLong("progress"),
                    rs.getInt("workouts"),
                    rs.getObject("completed_workout", UUID.class)))
        .list();
  }

  private void store(UUID challengeId, UUID athleteId, Folded folded) {
    Instant doneAt = folded.done() == null ? null : folded.done().startTime();
    jdbc.sql(
            """
            update challenge_participant set progress = :progress, workouts = :workouts,
                completed_workout = :done, completed_at = :doneAt
            where challenge_id = :challenge and athlete_id = :athlete
            """)
        .param("progress", folded.progress())
        .param("workouts", folded.workouts())
        .param("done", folded.done() == null ? null : folded.done().workoutId())
        .param("doneAt", doneAt == null ? null : Timestamp.from(doneAt))
        .param("challenge", challengeId)
        .param("athlete", athleteId)
        .update();
  }
}
