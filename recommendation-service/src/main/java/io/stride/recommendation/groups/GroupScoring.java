package io.stride.recommendation.groups;

import io.stride.recommendation.lists.ListCursor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How challenges and clubs to join are ranked: documented sums (docs/recommendations.md).
 *
 * <pre>
 * challenge = 1.0 × sport fit + 0.5 × local + 0.8 × goal fit
 *           + 0.6 × ln(1 + friends in it) + 0.1 × ln(1 + participants)
 * club      = 1.0 × sport fit + 0.7 × region match
 *           + 0.6 × ln(1 + friends in it) + 0.1 × ln(1 + members)
 * </pre>
 *
 * Sport fit is the share of the athlete's last twelve weeks of moving time in the group's sport
 * ({@value #ANY_SPORT_CHALLENGE} for a challenge of every sport, {@value #ANY_SPORT_CLUB} for a
 * club of every sport); a group of a sport the athlete does not do is no suggestion, unless the
 * athlete has no workouts yet. Local is 1 for a challenge of the athlete's region or club. Goal fit
 * is {@code exp(-|ln(expected / target)|)}: 1 when the athlete's usual pace in that sport reaches
 * the target just by the end, less for goals far out of reach or trivially easy, {@value
 * #UNKNOWN_GOAL_FIT} with no history. Region match is 1 for the athlete's region, {@value
 * #SAME_COUNTRY} for another of the same country. Friends are the people the athlete follows who
 * joined; a private club's members are not shown to non-members, so they count only for public
 * ones.
 */
public final class GroupScoring {

  public static final double SPORT = 1.0;
  public static final double LOCAL = 0.5;
  public static final double GOAL = 0.8;
  public static final double FRIENDS = 0.6;
  public static final double SIZE = 0.1;
  public static final double REGION = 0.7;
  public static final double ANY_SPORT_CHALLENGE = 0.4;
  public static final double ANY_SPORT_CLUB = 0.3;
  public static final double UNKNOWN_GOAL_FIT = 0.5;
  public static final double SAME_COUNTRY = 0.5;

  private GroupScoring() {}

  /**
   * @param sportShare the athlete's share of moving time in its sport, null for a challenge of
   *     every sport
   * @param expectedShare what the athlete would do by its end at their usual pace over its target;
   *     null when unknown
   */
  public record ChallengeCandidate(
      UUID challengeId,
      @Nullable String sport,
      @Nullable Double sportShare,
      boolean local,
      @Nullable Double expectedShare,
      int friendsJoined,
      int participants) {}

  /**
   * @param sportShare as for challenges, null for a club of every sport
   * @param regionMatch 1 same region, {@value #SAME_COUNTRY} same country
   * @param friendsMembers people the athlete follows who are members (0 for a private club)
   */
  public record ClubCandidate(
      UUID clubId,
      @Nullable String sport,
      @Nullable Double sportShare,
      double regionMatch,
      int friendsMembers,
      int members) {}

  /** A ranked group and its reasons. */
  public record Scored(UUID id, double score, List<GroupReason> reasons) {}

  public static List<Scored> rankChallenges(
      List<ChallengeCandidate> candidates, boolean hasSports, int keep) {
    List<Scored> scored = new ArrayList<>();
    for (ChallengeCandidate c : candidates) {
      Double fit = sportFit(c.sport(), c.sportShare(), ANY_SPORT_CHALLENGE, hasSports);
      if (fit == null) {
        continue;
      }
      double goal = c.expectedShare() == null ? UNKNOWN_GOAL_FIT : ratioFit(c.expectedShare());
      double score =
          SPORT * fit
              + (c.local() ? LOCAL : 0)
              + GOAL * goal
              + FRIENDS * Math.log1p(c.friendsJoined())
              + SIZE * Math.log1p(c.participants());
      List<GroupReason> reasons = new ArrayList<>();
      if (c.friendsJoined() > 0) {
        reasons.add(GroupReason.friends(c.friendsJoined()));
      }
      if (c.sport() != null && fit > 0) {
        reasons.add(GroupReason.sport(c.sport()));
      }
      if (c.expectedShare() != null && goal >= 0.5) {
        reasons.add(GroupReason.goalFits(c.expectedShare()));
      }
      if (c.local()) {
        reasons.add(GroupReason.local());
      }
      scored.add(new Scored(c.challengeId(), score, List.copyOf(reasons)));
    }
    return best(scored, keep);
  }

  public static List<Scored> rankClubs(
      List<ClubCandidate> candidates, boolean hasSports, int keep) {
    List<Scored> scored = new ArrayList<>();
    for (ClubCandidate c : candidates) {
      Double fit = sportFit(c.sport(), c.sportShare(), ANY_SPORT_CLUB, hasSports);
      if (fit == null) {
        continue;
      }
      double score =
          SPORT * fit
              + REGION * c.regionMatch()
              + FRIENDS * Math.log1p(c.friendsMembers())
              + SIZE * Math.log1p(c.members());
      List<GroupReason> reasons = new ArrayList<>();
      if (c.friendsMembers() > 0) {
        reasons.add(GroupReason.friends(c.friendsMembers()));
      }
      if (c.sport() != null && fit > 0) {
        reasons.add(GroupReason.sport(c.sport()));
      }
      if (c.regionMatch() >= 1) {
        reasons.add(GroupReason.local());
      }
      scored.add(new Scored(c.clubId(), score, List.copyOf(reasons)));
    }
    return best(scored, keep);
  }

  /** 1 when the expected amount just reaches the target, falling with the ratio either way. */
  public static double ratioFit(double expectedOverTarget) {
    if (expectedOverTarget <= 0) {
      return 0;
    }
    return Math.exp(-Math.abs(Math.log(expectedOverTarget)));
  }

  private static @Nullable Double sportFit(
      @Nullable String sport, @Nullable Double share, double anySport, boolean hasSports) {
    if (sport == null) {
      return anySport;
    }
    double value = share == null ? 0 : share;
    if (value <= 0 && hasSports) {
      return null;
    }
    return value;
  }

  private static List<Scored> best(List<Scored> scored, int keep) {
    scored.sort(
        Comparator.comparingDouble(Scored::score)
            .reversed()
            .thenComparing(Scored::id, ListCursor.DATABASE_ORDER));
    return scored.size() > keep ? List.copyOf(scored.subList(0, keep)) : scored;
  }
}
