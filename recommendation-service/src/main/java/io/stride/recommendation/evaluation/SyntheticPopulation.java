package io.stride.recommendation.evaluation;

import io.stride.recommendation.people.PeopleScoring;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A seeded synthetic population for the offline evaluation: athletes in regions with one or two
 * sports and a weekly volume, clubs of a region and sport, a follow graph grown week by week and
 * challenges joined as they open. How athletes choose is a mixture of what the literature on sports
 * networks reports (friends of friends, club mates, people nearby at a similar level) and plain
 * popularity, so that neither ours nor the popularity baseline is favoured by construction of one
 * signal alone: each mechanism below has its share.
 */
final class SyntheticPopulation {

  static final String[] SPORTS = {"run", "ride", "swim", "hike"};
  static final double[] SPORT_WEIGHTS = {0.45, 0.3, 0.1, 0.15};
  static final int REGIONS = 8;
  static final int CLUBS_PER_REGION_AND_SPORT = 3;
  static final int WEEKS = 26;
  static final double FOLLOW_PER_WEEK = 0.35;

  /** How a new follow is chosen: friend of a friend, club mate, nearby, popular. */
  static final double[] MECHANISMS = {0.35, 0.2, 0.2, 0.25};

  static final double PRIVATE_SHARE = 0.1;
  static final int CHALLENGES_PER_WEEK = 10;

  /** One synthetic athlete. */
  record Athlete(
      int id,
      String region,
      Map<String, Double> shares,
      double weeklyHours,
      boolean privateAccount,
      List<Integer> clubs) {

    Set<String> sports() {
      return shares.keySet();
    }
  }

  record Follow(int follower, int user, int week) {}

  record Club(int id, String region, String sport, String name) {}

  /**
   * @param opensWeek the week it opens; it lasts four weeks
   * @param targetHours moving time to reach in those four weeks
   */
  record Challenge(int id, String sport, String region, int opensWeek, double targetHours) {}

  /** Who joined a challenge, in the order they did. */
  record Join(int athlete, int challenge, int order) {}

  final List<Athlete> athletes = new ArrayList<>();
  final List<Club> clubs = new ArrayList<>();
  final List<Follow> follows = new ArrayList<>();
  final List<Challenge> challenges = new ArrayList<>();
  final List<Join> joins = new ArrayList<>();
  final Map<String, List<Integer>> bySportAndRegion = new HashMap<>();
  final Map<Integer, List<Integer>> members = new HashMap<>();

  private final Random random;

  private SyntheticPopulation(Random random) {
    this.random = random;
  }

  static SyntheticPopulation generate(int size, long seed) {
    SyntheticPopulation population = new SyntheticPopulation(new Random(seed));
    population.makeClubs();
    population.makeAthletes(size);
    population.growGraphAndChallenges();
    return population;
  }

  private void makeClubs() {
    for (int r = 0; r < REGIONS; r++) {
      for (String sport : SPORTS) {
        for (int c = 0; c < CLUBS_PER_REGION_AND_SPORT; c++) {
          int id = clubs.size();
          clubs.add(new Club(id, region(r), sport, "Club " + id));
          members.put(id, new ArrayList<>());
        }
      }
    }
  }

  private void makeAthletes(int size) {
    for (int id = 0; id < size; id++) {
      String region = region((int) Math.min(REGIONS - 1, Math.abs(random.nextGaussian()) * 3));
      String main = pick(SPORTS, SPORT_WEIGHTS);
      Map<String, Double> shares = new HashMap<>();
      if (random.nextDouble() < 0.3) {
        String second = pick(SPORTS, SPORT_WEIGHTS);
        if (!second.equals(main)) {
          shares.put(main, 0.7);
          shares.put(second, 0.3);
        }
      }
      if (shares.isEmpty()) {
        shares.put(main, 1.0);
      }
      double hours = Math.exp(Math.log(3) + 0.6 * random.nextGaussian());
      List<Integer> myClubs = new ArrayList<>();
      double joinsClubs = random.nextDouble();
      int clubCount = joinsClubs < 0.45 ? 0 : joinsClubs < 0.85 ? 1 : 2;
      for (int c = 0; c < clubCount; c++) {
        int club = clubOf(region, main, random.nextInt(CLUBS_PER_REGION_AND_SPORT));
        if (!myClubs.contains(club)) {
          myClubs.add(club);
          members.get(club).add(id);
        }
      }
      athletes.add(
          new Athlete(id, region, shares, hours, random.nextDouble() < PRIVATE_SHARE, myClubs));
      bySportAndRegion.computeIfAbsent(region + "/" + main, key -> new ArrayList<>()).add(id);
    }
  }

  private void growGraphAndChallenges() {
    Map<Integer, Set<Integer>> following = new HashMap<>();
    int[] followers = new int[athletes.size()];
    List<Integer> popularity = new ArrayList<>();
    for (int week = 0; week < WEEKS; week++) {
      for (Athlete athlete : athletes) {
        int tries = week == 0 ? 3 : random.nextDouble() < FOLLOW_PER_WEEK ? 1 : 0;
        for (int t = 0; t < tries; t++) {
          Set<Integer> mine = following.computeIfAbsent(athlete.id(), id -> new LinkedHashSet<>());
          Integer target = chooseTarget(athlete, mine, following, popularity);
          if (target != null && target != athlete.id() && mine.add(target)) {
            follows.add(new Follow(athlete.id(), target, week));
            followers[target]++;
            popularity.add(target);
          }
        }
      }
      for (int c = 0; c < CHALLENGES_PER_WEEK; c++) {
        openChallenge(week, following);
      }
    }
  }

  private Integer chooseTarget(
      Athlete me, Set<Integer> mine, Map<Integer, Set<Integer>> following, List<Integer> popular) {
    String mechanism = pick(new String[] {"fof", "club", "nearby", "popular"}, MECHANISMS);
    switch (mechanism) {
      case "fof" -> {
        if (!mine.isEmpty()) {
          Integer friend = any(new ArrayList<>(mine));
          Set<Integer> theirs = following.getOrDefault(friend, Set.of());
          if (!theirs.isEmpty()) {
            return any(new ArrayList<>(theirs));
          }
        }
      }
      case "club" -> {
        if (!me.clubs().isEmpty()) {
          List<Integer> mates = members.get(any(me.clubs()));
          if (mates.size() > 1) {
            return any(mates);
          }
        }
      }
      case "nearby" -> {
        String key = me.region() + "/" + mainSport(me);
        List<Integer> near = bySportAndRegion.getOrDefault(key, List.of());
        Integer best = null;
        double bestFit = -1;
        for (int i = 0; i < Math.min(20, near.size()); i++) {
          Athlete other = athletes.get(any(near));
          if (other.privateAccount()) {
            continue;
          }
          double fit =
              PeopleScoring.levelSimilarity(me.weeklyHours(), other.weeklyHours())
                  * (0.7 + 0.3 * random.nextDouble());
          if (fit > bestFit) {
            bestFit = fit;
            best = other.id();
          }
        }
        return best;
      }
      default -> {
        // fall through to popularity below
      }
    }
    if (popular.isEmpty() || random.nextDouble() < 0.1) {
      return random.nextInt(athletes.size());
    }
    return any(popular);
  }

  private void openChallenge(int week, Map<Integer, Set<Integer>> following) {
    int id = challenges.size();
    String sport = pick(SPORTS, SPORT_WEIGHTS);
    String region = random.nextDouble() < 0.5 ? null : region(random.nextInt(REGIONS));
    double target = 4 * Math.exp(Math.log(2.5) + 0.5 * random.nextGaussian());
    Challenge challenge = new Challenge(id, sport, region, week, target);
    challenges.add(challenge);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < athletes.size(); i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, random);
    Set<Integer> joined = new HashSet<>();
    for (int id2 : order) {
      Athlete athlete = athletes.get(id2);
      if (region != null && !region.equals(athlete.region())) {
        continue;
      }
      double share = athlete.shares().getOrDefault(sport, 0.0);
      double expected = athlete.weeklyHours() * share * 4 / target;
      double goalFit = expected <= 0 ? 0 : Math.exp(-Math.abs(Math.log(expected)));
      int friends = 0;
      for (int followed : following.getOrDefault(id2, Set.of())) {
        if (joined.contains(followed)) {
          friends++;
        }
      }
      double p =
          0.002
              + 0.05 * share * goalFit
              + (region != null ? 0.01 * share : 0)
              + 0.04 * Math.min(friends, 3) * (share > 0 ? 1 : 0.3);
      if (random.nextDouble() < p) {
        joined.add(id2);
        joins.add(new Join(id2, id, joined.size()));
      }
    }
  }

  int clubOf(String region, String sport, int n) {
    int r = Integer.parseInt(region.substring(1));
    int s = List.of(SPORTS).indexOf(sport);
    return (r * SPORTS.length + s) * CLUBS_PER_REGION_AND_SPORT + n;
  }

  static String mainSport(Athlete athlete) {
    String main = null;
    for (var entry : athlete.shares().entrySet()) {
      if (main == null || entry.getValue() > athlete.shares().get(main)) {
        main = entry.getKey();
      }
    }
    return main;
  }

  private static String region(int n) {
    return "R" + n;
  }

  private <T> T any(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private String pick(String[] values, double[] weights) {
    double roll = random.nextDouble();
    for (int i = 0; i < values.length; i++) {
      roll -= weights[i];
      if (roll < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }
}
