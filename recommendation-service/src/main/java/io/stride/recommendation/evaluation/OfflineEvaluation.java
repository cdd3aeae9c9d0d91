package io.stride.recommendation.evaluation;

import io.stride.recommendation.evaluation.SyntheticPopulation.Athlete;
import io.stride.recommendation.evaluation.SyntheticPopulation.Challenge;
import io.stride.recommendation.evaluation.SyntheticPopulation.Follow;
import io.stride.recommendation.evaluation.SyntheticPopulation.Join;
import io.stride.recommendation.groups.GroupScoring;
import io.stride.recommendation.people.PeopleScoring;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

/**
 * The offline evaluation (docs/recommendations.md): a seeded synthetic population, everything up to
 * the cutoff week visible, the weeks after held out; people and challenge suggestions ranked the
 * way the service ranks them, next to a popularity baseline, scored by precision@10 and recall@10
 * against what the athletes did after the cutoff.
 *
 * <p>Run it with {@code ./recommendation-service/evaluate.sh [athletes] [seed]}.
 */
public final class OfflineEvaluation {

  static final int TOP = 10;
  static final int CUTOFF_WEEK = SyntheticPopulation.WEEKS - 4;

  /** The share of a held-out challenge's joins seen before its suggestions are ranked. */
  static final double EARLY_JOINS = 0.2;

  /** Precision@10 and recall@10 averaged over the athletes who did something after the cutoff. */
  public record Score(double precision, double recall) {}

  /** One list's result: ours, the baseline's, and over how many athletes. */
  public record Comparison(String list, int athletes, Score ours, Score popularity) {}

  private final SyntheticPopulation population;
  private final Map<Integer, Set<Integer>> following = new HashMap<>();
  private final int[] followers;

  private OfflineEvaluation(SyntheticPopulation population) {
    this.population = population;
    this.followers = new int[population.athletes.size()];
    for (Follow follow : population.follows) {
      if (follow.week() < CUTOFF_WEEK) {
        following.computeIfAbsent(follow.follower(), id -> new HashSet<>()).add(follow.user());
        followers[follow.user()]++;
      }
    }
  }

  public static void main(String[] args) {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
    long started = System.nanoTime();
    List<Comparison> results = run(size, seed);
    System.out.printf(
        Locale.ROOT,
        "Offline evaluation: %d synthetic athletes, seed %d, %d weeks, weeks %d-%d held out%n",
        size,
        seed,
        SyntheticPopulation.WEEKS,
        CUTOFF_WEEK,
        SyntheticPopulation.WEEKS - 1);
    for (Comparison c : results) {
      System.out.printf(
          Locale.ROOT,
          "%-11s %6d athletes  ours precision@10 %.4f recall@10 %.4f  |  popularity"
              + " precision@10 %.4f recall@10 %.4f%n",
          c.list(),
          c.athletes(),
          c.ours().precision(),
          c.ours().recall(),
          c.popularity().precision(),
          c.popularity().recall());
    }
    System.out.printf(Locale.ROOT, "took %.1f s%n", (System.nanoTime() - started) / 1e9);
  }

  /** Generates the population and compares both lists. */
  public static List<Comparison> run(int size, long seed) {
    OfflineEvaluation evaluation = new OfflineEvaluation(SyntheticPopulation.generate(size, seed));
    return List.of(evaluation.people(), evaluation.challenges());
  }

  private Comparison people() {
    Map<Integer, Set<Integer>> later = new HashMap<>();
    for (Follow follow : population.follows) {
      if (follow.week() >= CUTOFF_WEEK) {
        later.computeIfAbsent(follow.follower(), id -> new HashSet<>()).add(follow.user());
      }
    }
    List<Integer> popular = new ArrayList<>();
    for (Athlete athlete : population.athletes) {
      if (!athlete.privateAccount()) {
        popular.add(athlete.id());
      }
    }
    popular.sort(Comparator.comparingInt((Integer id) -> -followers[id]).thenComparing(id -> id));
    Totals ours = new Totals();
    Totals baseline = new Totals();
    for (var entry : later.entrySet()) {
      Athlete me = population.athletes.get(entry.getKey());
      Set<Integer> known = following.getOrDefault(me.id(), Set.of());
      List<Integer> suggested = new ArrayList<>();
      for (PeopleScoring.Scored scored : PeopleScoring.rank(peopleCandidates(me, known), TOP)) {
        suggested.add((int) scored.athleteId().getLeastSignificantBits());
      }
      ours.add(suggested, entry.getValue());
      List<Integer> mostFollowed = new ArrayList<>();
      for (int id : popular) {
        if (mostFollowed.size() == TOP) {
          break;
        }
        if (id != me.id() && !known.contains(id)) {
          mostFollowed.add(id);
        }
      }
      baseline.add(mostFollowed, entry.getValue());
    }
    return new Comparison("people", later.size(), ours.score(), baseline.score());
  }

  /** The candidates the service looks at: friends of friends, club mates, nearby at my level. */
  private List<PeopleScoring.Candidate> peopleCandidates(Athlete me, Set<Integer> known) {
    Map<Integer, Integer> friends = new HashMap<>();
    for (int friend : known) {
      for (int theirs : following.getOrDefault(friend, Set.of())) {
        friends.merge(theirs, 1, Integer::sum);
      }
    }
    Set<Integer> ids = new HashSet<>();
    friends.entrySet().stream()
        .sorted(
            Map.Entry.<Integer, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(PeopleScoring.FRIENDS_OF_FRIENDS_KEPT)
        .forEach(e -> ids.add(e.getKey()));
    Map<Integer, List<PeopleScoring.SharedClub>> clubs = new HashMap<>();
    for (int club : me.clubs()) {
      List<Integer> members = population.members.get(club);
      int taken = 0;
      for (int member : members) {
        if (member != me.id() && taken++ < PeopleScoring.CLUB_MATES_KEPT) {
          clubs
              .computeIfAbsent(member, id -> new ArrayList<>())
              .add(new PeopleScoring.SharedClub(uuid(club), "Club " + club));
        }
      }
    }
    ids.addAll(clubs.keySet());
    ids.addAll(nearby(me));
    ids.remove(me.id());
    ids.removeAll(known);
    String mainSport = SyntheticPopulation.mainSport(me);
    List<PeopleScoring.Candidate> candidates = new ArrayList<>();
    for (int id : ids) {
      Athlete them = population.athletes.get(id);
      String theirMain = SyntheticPopulation.mainSport(them);
      candidates.add(
          new PeopleScoring.Candidate(
              uuid(id),
              friends.getOrDefault(id, 0),
              clubs.getOrDefault(id, List.of()),
              me.region().equals(them.region()),
              me.sports().contains(theirMain) ? theirMain : mainSport,
              PeopleScoring.sportOverlap(me.sports(), them.sports()),
              PeopleScoring.levelSimilarity(me.weeklyHours(), them.weeklyHours()),
              followers[id],
              them.privateAccount()));
    }
    return candidates;
  }

  /** Public athletes of my region and main sport nearest my weekly hours, as the service picks. */
  private List<Integer> nearby(Athlete me) {
    String key = me.region() + "/" + SyntheticPopulation.mainSport(me);
    List<Integer> above = new ArrayList<>();
    List<Integer> below = new ArrayList<>();
    for (int id : population.bySportAndRegion.getOrDefault(key, List.of())) {
      Athlete them = population.athletes.get(id);
      if (id == me.id() || them.privateAccount()) {
        continue;
      }
      (them.weeklyHours() >= me.weeklyHours() ? above : below).add(id);
    }
    ToDoubleFunction<Integer> distance =
        id -> Math.abs(population.athletes.get(id).weeklyHours() - me.weeklyHours());
    above.sort(Comparator.comparingDouble(distance));
    below.sort(Comparator.comparingDouble(distance));
    List<Integer> picked =
        new ArrayList<>(
            above.subList(0, Math.min(above.size(), PeopleScoring.NEARBY_KEPT_EACH_WAY)));
    picked.addAll(below.subList(0, Math.min(below.size(), PeopleScoring.NEARBY_KEPT_EACH_WAY)));
    return picked;
  }

  /**
   * Challenges opened after the cutoff, ranked for each athlete once the first fifth of their joins
   * is known; what counts is who joined after that.
   */
  private Comparison challenges() {
    Map<Integer, List<Join>> joinsOf = new HashMap<>();
    for (Join join : population.joins) {
      joinsOf.computeIfAbsent(join.challenge(), id -> new ArrayList<>()).add(join);
    }
    List<Challenge> open = new ArrayList<>();
    Map<Integer, Set<Integer>> early = new HashMap<>();
    Map<Integer, Set<Integer>> later = new HashMap<>();
    for (Challenge challenge : population.challenges) {
      if (challenge.opensWeek() < CUTOFF_WEEK) {
        continue;
      }
      open.add(challenge);
      List<Join> joins = joinsOf.getOrDefault(challenge.id(), List.of());
      int seen = (int) Math.ceil(joins.size() * EARLY_JOINS);
      Set<Integer> first = new HashSet<>();
      for (Join join : joins) {
        if (join.order() <= seen) {
          first.add(join.athlete());
        } else {
          later.computeIfAbsent(join.athlete(), id -> new HashSet<>()).add(challenge.id());
        }
      }
      early.put(challenge.id(), first);
    }
    Totals ours = new Totals();
    Totals baseline = new Totals();
    for (var entry : later.entrySet()) {
      Athlete me = population.athletes.get(entry.getKey());
      Set<Integer> mine = following.getOrDefault(me.id(), Set.of());
      List<GroupScoring.ChallengeCandidate> candidates = new ArrayList<>();
      List<Challenge> visible = new ArrayList<>();
      for (Challenge challenge : open) {
        Set<Integer> joined = early.get(challenge.id());
        if (joined.contains(me.id())
            || (challenge.region() != null && !challenge.region().equals(me.region()))) {
          continue;
        }
        visible.add(challenge);
        double share = me.shares().getOrDefault(challenge.sport(), 0.0);
        int friends = 0;
        for (int athlete : joined) {
          if (mine.contains(athlete)) {
            friends++;
          }
        }
        candidates.add(
            new GroupScoring.ChallengeCandidate(
                uuid(challenge.id()),
                challenge.sport(),
                share,
                challenge.region() != null,
                me.weeklyHours() * share * 4 / challenge.targetHours(),
                friends,
                joined.size()));
      }
      List<Integer> suggested = new ArrayList<>();
      for (GroupScoring.Scored scored : GroupScoring.rankChallenges(candidates, true, TOP)) {
        suggested.add((int) scored.id().getLeastSignificantBits());
      }
      ours.add(suggested, entry.getValue());
      visible.sort(
          Comparator.comparingInt((Challenge c) -> -early.get(c.id()).size())
              .thenComparingInt(Challenge::id));
      List<Integer> mostJoined = new ArrayList<>();
      for (Challenge challenge : visible.subList(0, Math.min(TOP, visible.size()))) {
        mostJoined.add(challenge.id());
      }
      baseline.add(mostJoined, entry.getValue());
    }
    return new Comparison("challenges", later.size(), ours.score(), baseline.score());
  }

  private static UUID uuid(int id) {
    return new UUID(0, id);
  }

  /** Sums of per-athlete precision and recall. */
  private static final class Totals {
    private double precision;
    private double recall;
    private int athletes;

    void add(List<Integer> suggested, Set<Integer> didLater) {
      long hits = suggested.stream().filter(didLater::contains).count();
      precision += hits / (double) TOP;
      recall += hits / (double) didLater.size();
      athletes++;
    }

    Score score() {
      return athletes == 0 ? new Score(0, 0) : new Score(precision / athletes, recall / athletes);
    }
  }
}
