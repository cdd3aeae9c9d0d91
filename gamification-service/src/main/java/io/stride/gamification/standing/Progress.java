package io.stride.gamification.standing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stride.gamification.athletes.Athlete;
import io.stride.gamification.athletes.Athletes;
import io.stride.gamification.challenges.ChallengeProgress;
import io.stride.gamification.challenges.Refold;
import io.stride.gamification.holidays.RegionHolidays;
import io.stride.gamification.leaderboards.AthleteBoards;
import io.stride.gamification.workouts.WorkoutCopies;
import io.stride.platform.locks.TransactionLocks;
import io.stride.platform.regions.RegionSettingsCopy;
import java.time.DayOfWeek;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps an athlete's standing true to their history: after any change to it (a workout recorded,
 * edited or deleted, a record set, a move to another zone or region, a challenge joined or left, a
 * club joined or left) the whole history is folded again, into the standing, challenge progress and
 * board places, and the difference stored and announced. Recomputing instead of adding up is what
 * makes an edit, a deletion, a late upload and a replay from the beginning all come out the same.
 */
@Service
public class Progress implements Refold {

  /** The region flag under which public holidays leave a daily streak intact. */
  static final String REST_DAY_FLAG = "holiday_rest_days";

  private final JdbcClient jdbc;
  private final Athletes athletes;
  private final WorkoutCopies workouts;
  private final RegionSettingsCopy regions;
  private final RegionHolidays holidays;
  private final StandingCalculator calculator;
  private final StandingStore store;
  private final Announcements announcements;
  private final ChallengeProgress challenges;
  private final AthleteBoards boards;
  private final Timer recomputeTimer;

  Progress(
      JdbcClient jdbc,
      Athletes athletes,
      WorkoutCopies workouts,
      RegionSettingsCopy regions,
      RegionHolidays holidays,
      StandingCalculator calculator,
      StandingStore store,
      Announcements announcements,
      ChallengeProgress challenges,
      AthleteBoards boards,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.athletes = athletes;
    this.workouts = workouts;
    this.regions = regions;
    this.holidays = holidays;
    this.calculator = calculator;
    this.store = store;
    this.announcements = announcements;
    this.challenges = challenges;
    this.boards = boards;
    this.recomputeTimer =
        Timer.builder("stride.gamification.recompute")
            .description("Folding an athlete's history into their standing and storing it")
            .publishPercentileHistogram()
            .register(meters);
  }

  /** The lock every change of an athlete's history or standing holds; erasure takes it too. */
  public static String lockName(UUID userId) {
    return "gamification-athlete:" + userId;
  }

  /** Takes the athlete's lock, so two events of theirs are folded one after the other. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void lock(UUID userId) {
    TransactionLocks.hold(jdbc, lockName(userId));
  }

  /** Folds the athlete's history again; runs in the transaction of the event that changed it. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void recompute(UUID userId) {
    recomputeTimer.record(
        () -> {
          lock(userId);
          Athlete athlete = athletes.find(userId);
          Standing standing = calculator.compute(workouts.factsOf(userId), calendar(athlete));
          store.save(userId, standing);
          announcements.announce(userId, standing, athlete.zone());
          var challengeScores = challenges.refresh(userId, standing.scores());
          boards.refresh(userId, athlete, standing.scores(), challengeScores);
        });
  }

  /** Joining or leaving a challenge: the same fold, in the caller's transaction. */
  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void refold(UUID athleteId) {
    recompute(athleteId);
  }

  private StandingCalculator.Calendar calendar(Athlete athlete) {
    var region = athlete.region() == null ? null : regions.find(athlete.region()).orElse(null);
    DayOfWeek firstDay = regions.firstDayOfWeek(athlete.region());
    boolean restDays = region != null && region.enabled(REST_DAY_FLAG);
    return new StandingCalculator.Calendar(
        athlete.zone(), firstDay, holidays.of(athlete.region()), restDays);
  }
}
