package io.stride.workout.importing.formats;

/** Bounds every reader enforces, so a hostile file fails fast instead of exhausting memory. */
public record Limits(int maxPoints, int maxLaps) {

  /** 500,000 points: six days at one point per second. */
  public static final Limits DEFAULT = new Limits(500_000, 10_000);

  void checkPoints(int points) {
    if (points > maxPoints) {
      throw new UnreadableFileException(
          "The file has more than " + maxPoints + " track points; that is not one activity.");
    }
  }

  void checkLaps(int laps) {
    if (laps > maxLaps) {
      throw new UnreadableFileException("The file has more than " + maxLaps + " laps.");
    }
  }
}
