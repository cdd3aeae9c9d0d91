package io.stride.workout.streams;

/**
 * Which points a chart of at most {@code target} points shows: evenly spaced indices that always
 * include the first and the last point, so every stream of a response stays aligned.
 */
final class Downsampling {

  private Downsampling() {}

  static int[] indices(int count, int target) {
    if (count <= target) {
      int[] all = new int[count];
      for (int i = 0; i < count; i++) {
        all[i] = i;
      }
      return all;
    }
    int[] picked = new int[target];
    for (int i = 0; i < target; i++) {
      picked[i] = (int) Math.round((double) i * (count - 1) / (target - 1));
    }
    return picked;
  }
}
