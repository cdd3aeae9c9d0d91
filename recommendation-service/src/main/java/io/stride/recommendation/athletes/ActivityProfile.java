package io.stride.recommendation.athletes;

import io.stride.recommendation.athletes.Workouts.Workout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What twelve weeks of workouts say of an athlete: the share of moving time per sport, the sports
 * that make at least {@value #SPORT_SHARE} of it, the main one, weekly hours, and weekly amounts
 * per sport for challenge goals.
 */
public record ActivityProfile(
    Map<String, Double> shares,
    Set<String> sports,
    @Nullable String mainSport,
    double weeklyHours,
    Map<String, Weekly> weeklyBySport,
    Weekly weeklyAll) {

  public static final double SPORT_SHARE = 0.1;
  static final double WEEKS = Workouts.WINDOW.toDays() / 7.0;

  public static final ActivityProfile NONE =
      new ActivityProfile(Map.of(), Set.of(), null, 0, Map.of(), Weekly.ZERO);

  /** Weekly averages over the twelve weeks, in the goal units of challenges. */
  public record Weekly(double meters, double seconds, double workouts, double climbedMeters) {

    static final Weekly ZERO = new Weekly(0, 0, 0, 0);

    Weekly plus(Workout w) {
      return new Weekly(
          meters + (w.distanceMeters() == null ? 0 : w.distanceMeters() / WEEKS),
          seconds + w.movingSeconds() / WEEKS,
          workouts + 1 / WEEKS,
          climbedMeters + (w.elevationMeters() == null ? 0 : w.elevationMeters() / WEEKS));
    }

    /** The weekly amount of a challenge goal: distance, moving_time, count or elevation. */
    public double of(String goal) {
      return switch (goal) {
        case "distance" -> meters;
        case "moving_time" -> seconds;
        case "count" -> workouts;
        default -> climbedMeters;
      };
    }
  }

  public static ActivityProfile of(List<Workout> workouts, boolean shownOnly) {
    Map<String, Long> seconds = new HashMap<>();
    Map<String, Weekly> weekly = new HashMap<>();
    Weekly all = Weekly.ZERO;
    long total = 0;
    for (Workout workout : workouts) {
      if (shownOnly && !workout.shown()) {
        continue;
      }
      seconds.merge(workout.sport(), workout.movingSeconds(), Long::sum);
      weekly.merge(workout.sport(), Weekly.ZERO.plus(workout), (a, b) -> a.plus(workout));
      all = all.plus(workout);
      total += workout.movingSeconds();
    }
    if (total == 0) {
      return NONE;
    }
    Map<String, Double> shares = new HashMap<>();
    Set<String> sports = new TreeSet<>();
    String main = null;
    for (var entry : seconds.entrySet()) {
      double share = (double) entry.getValue() / total;
      shares.put(entry.getKey(), share);
      if (share >= SPORT_SHARE) {
        sports.add(entry.getKey());
      }
      if (main == null
          || share > shares.get(main)
          || (share == shares.get(main) && entry.getKey().compareTo(main) < 0)) {
        main = entry.getKey();
      }
    }
    return new ActivityProfile(
        Map.copyOf(shares),
        Set.copyOf(sports),
        main,
        total / 3600.0 / WEEKS,
        Map.copyOf(weekly),
        all);
  }

  /** The share of moving time in {@code sport}, 0 for one not done. */
  public double share(String sport) {
    return shares.getOrDefault(sport, 0.0);
  }

  /** Sports as a list, for queries. */
  public List<String> sportList() {
    return new ArrayList<>(sports);
  }
}
