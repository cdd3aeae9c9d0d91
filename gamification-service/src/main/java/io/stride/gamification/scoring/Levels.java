package io.stride.gamification.scoring;

/**
 * Levels from points (ADR 0028): level {@code n} needs 50 × n × (n − 1) points, so level 2 needs
 * 100, level 3 300, level 4 600, and each level asks 100 more than the one before. Everyone starts
 * at level 1; {@link #HIGHEST} is the last.
 */
public final class Levels {

  public static final int HIGHEST = 100;

  private Levels() {}

  /** The points level {@code level} needs. */
  public static long threshold(int level) {
    return 50L * level * (level - 1);
  }

  public static int of(long points) {
    int level = 1;
    while (level < HIGHEST && points >= threshold(level + 1)) {
      level++;
    }
    return level;
  }

  /** The points the level after {@code level} needs; null at the highest. */
  public static Long next(int level) {
    return level >= HIGHEST ? null : threshold(level + 1);
  }
}
