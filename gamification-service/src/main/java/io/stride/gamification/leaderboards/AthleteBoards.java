package io.stride.gamification.leaderboards;

import io.stride.gamification.athletes.Athlete;
import io.stride.gamification.scoring.ScoredWorkout;
import io.stride.gamification.social.SocialCopies;
import io.stride.platform.regions.RegionSettingsCopy;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which boards an athlete is on, and with what score, from their scored history (ADR 0029): each
 * challenge they joined, and per sport and ISO week the distance of their counted public workouts,
 * on the board of everyone, of their region and of each club they are a member of. An athlete of a
 * region whose flag {@code leaderboards} is off is on no board.
 */
@Service
public class AthleteBoards {

  /** The region flag that lets a region's athletes appear on boards. */
  static final String FLAG = "leaderboards";

  private final Boards boards;
  private final SocialCopies social;
  private final RegionSettingsCopy regions;

  AthleteBoards(Boards boards, SocialCopies social, RegionSettingsCopy regions) {
    this.boards = boards;
    this.social = social;
    this.regions = regions;
  }

  /** Whether the region lets its athletes appear on boards; a region not known yet does. */
  public boolean boardsOn(String region) {
    return region == null || regions.find(region).map(r -> r.enabled(FLAG)).orElse(true);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void refresh(
      UUID athleteId,
      Athlete athlete,
      List<ScoredWorkout> scores,
      Map<UUID, Long> challengeScores) {
    Map<String, Long> wanted = new HashMap<>();
    if (boardsOn(athlete.region())) {
      challengeScores.forEach(
          (challenge, score) -> wanted.put(BoardNames.challenge(challenge), score));
      weekly(athlete, scores, social.clubsOf(athleteId), wanted);
    }
    boards.replace(athleteId, wanted);
  }

  private static void weekly(
      Athlete athlete, List<ScoredWorkout> scores, List<UUID> clubs, Map<String, Long> wanted) {
    record SportWeek(String sport, LocalDate monday) {}
    Map<SportWeek, Double> meters = new HashMap<>();
    for (ScoredWorkout scored : scores) {
      var workout = scored.workout();
      if (scored.counted()
          && "public".equalsIgnoreCase(workout.visibility())
          && workout.distanceOrZero() > 0) {
        meters.merge(
            new SportWeek(workout.sport(), BoardNames.monday(scored.localDate())),
            workout.distanceOrZero(),
            Double::sum);
      }
    }
    meters.forEach(
        (week, distance) -> {
          long score = Math.round(distance);
          wanted.put(BoardNames.weekly(week.sport(), week.monday()), score);
          if (athlete.region() != null) {
            wanted.put(
                BoardNames.weeklyInRegion(week.sport(), week.monday(), athlete.region()), score);
          }
          for (UUID club : clubs) {
            wanted.put(BoardNames.weeklyInClub(week.sport(), week.monday(), club), score);
          }
        });
  }
}
