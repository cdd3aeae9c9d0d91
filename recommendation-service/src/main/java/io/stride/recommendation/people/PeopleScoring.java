package io.stride.recommendation.people;

import io.stride.recommendation.lists.ListCursor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * How people to follow are ranked: a documented sum, no black box (docs/recommendations.md).
 *
 * <pre>
 * score = 1.0 × ln(1 + friends in common)
 *       + 0.8 × min(shared clubs, 3)
 *       + 0.6 × same region × sport overlap × level similarity
 *       + 0.05 × ln(1 + followers)
 * </pre>
 *
 * A friend in common is someone the athlete follows who follows the candidate. Sport overlap is the
 * Jaccard index of the two athletes' sports in the last twelve weeks; level similarity is {@code
 * exp(-|ln((a + 0.5) / (b + 0.5))|)} of their weekly hours, 1 for equals. A private account hides
 * its follows and workouts, so for one only shared clubs count (club rosters show it to fellow
 * members); a candidate with no friend in common, no shared club and a nearby term under 0.2 is no
 * suggestion at all. The followers term only orders otherwise equal candidates.
 */
public final class PeopleScoring {

  public static final double FRIENDS = 1.0;
  public static final double CLUBS = 0.8;
  public static final int MAX_CLUBS = 3;
  public static final double NEARBY = 0.6;
  public static final double MIN_NEARBY = 0.2;
  public static final double POPULARITY = 0.05;

  /** Candidates looked at: the friends of friends with the most friends in common. */
  public static final int FRIENDS_OF_FRIENDS_KEPT = 300;

  /** Candidates looked at: members of each of my clubs. */
  public static final int CLUB_MATES_KEPT = 200;

  /** Candidates looked at: same region and main sport, this many above and below my hours. */
  public static final int NEARBY_KEPT_EACH_WAY = 100;

  private PeopleScoring() {}

  /**
   * What is known of one candidate for one athlete.
   *
   * @param sharedClubs the clubs both are members of, best known first
   */
  public record Candidate(
      UUID athleteId,
      int friendsInCommon,
      List<SharedClub> sharedClubs,
      boolean sameRegion,
      String sharedSport,
      double sportOverlap,
      double levelSimilarity,
      int followers,
      boolean privateAccount) {

    public Candidate {
      sharedClubs = List.copyOf(sharedClubs);
    }
  }

  public record SharedClub(UUID clubId, String name) {}

  /** One ranked suggestion with the reasons that earned it, strongest first. */
  public record Scored(UUID athleteId, double score, List<PersonReason> reasons) {}

  /** The candidates worth suggesting, best first, at most {@code keep}. */
  public static List<Scored> rank(List<Candidate> candidates, int keep) {
    List<Scored> scored = new ArrayList<>();
    for (Candidate candidate : candidates) {
      Scored one = score(candidate);
      if (one != null) {
        scored.add(one);
      }
    }
    scored.sort(
        Comparator.comparingDouble(Scored::score)
            .reversed()
            .thenComparing(Scored::athleteId, ListCursor.DATABASE_ORDER));
    return scored.size() > keep ? List.copyOf(scored.subList(0, keep)) : scored;
  }

  /** The candidate's score and reasons, or null when nothing speaks for them. */
  static Scored score(Candidate c) {
    int friends = c.privateAccount() ? 0 : c.friendsInCommon();
    double nearby =
        c.privateAccount() || !c.sameRegion() ? 0 : NEARBY * c.sportOverlap() * c.levelSimilarity();
    if (nearby < MIN_NEARBY) {
      nearby = 0;
    }
    int clubs = Math.min(c.sharedClubs().size(), MAX_CLUBS);
    if (friends == 0 && clubs == 0 && nearby == 0) {
      return null;
    }
    double score =
        FRIENDS * Math.log1p(friends)
            + CLUBS * clubs
            + nearby
            + POPULARITY * Math.log1p(Math.max(0, c.followers()));
    List<PersonReason> reasons = new ArrayList<>();
    if (friends > 0) {
      reasons.add(PersonReason.friendsInCommon(friends));
    }
    if (clubs > 0) {
      SharedClub first = c.sharedClubs().get(0);
      reasons.add(PersonReason.club(first.clubId(), first.name(), c.sharedClubs().size()));
    }
    if (nearby > 0) {
      reasons.add(PersonReason.nearby(c.sharedSport()));
    }
    return new Scored(c.athleteId(), score, List.copyOf(reasons));
  }

  /** Jaccard index of two sets of sports: shared over all, 0 when either is empty. */
  public static double sportOverlap(java.util.Set<String> mine, java.util.Set<String> theirs) {
    if (mine.isEmpty() || theirs.isEmpty()) {
      return 0;
    }
    long shared = mine.stream().filter(theirs::contains).count();
    return (double) shared / (mine.size() + theirs.size() - shared);
  }

  /** 1 for equal weekly hours, falling with their ratio (½ for twice the other's, +0.5 h each). */
  public static double levelSimilarity(double myWeeklyHours, double theirWeeklyHours) {
    return Math.exp(-Math.abs(Math.log((myWeeklyHours + 0.5) / (theirWeeklyHours + 0.5))));
  }
}
