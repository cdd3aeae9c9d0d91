package io.stride.gamification.leaderboards;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Leaderboard answers. */
public final class Standings {

  private Standings() {}

  /**
   * One athlete on a board. Ranks are positions on the whole board (ties share the better one):
   * someone the viewer may not see keeps their place, so the viewer's list can skip a rank.
   */
  public record Entry(
      long rank,
      UUID athleteId,
      @Nullable String displayName,
      @Nullable String avatarUrl,
      long score,
      boolean you) {}

  /** Where the viewer stands; null when they are not on the board. */
  public record Mine(long rank, long score) {}

  /**
   * A board as the viewer may see it.
   *
   * @param unit what {@code score} counts: meters, seconds or workouts
   * @param participants how many athletes are on the board
   * @param entries the top of the board (or the page after {@code cursor})
   * @param nextCursor where the next page starts; null at the end
   * @param around the athletes just above and below the viewer
   */
  public record Leaderboard(
      String board,
      String unit,
      long participants,
      List<Entry> entries,
      @Nullable String nextCursor,
      @Nullable Mine me,
      List<Entry> around) {}
}
