package io.stride.workout.privacy;

/**
 * The samples of one workout that a viewer other than its owner may not see, and the streams
 * without them. Hidden samples are removed from every stream, not blanked, so no channel keeps a
 * value from inside a zone; cumulative streams (time since the start, distance) are re-based so
 * they count only what is shown: they start at 0 at the first shown sample and continue after a
 * hidden stretch from the last shown value, so neither the length nor the duration of a hidden
 * stretch can be read off them.
 */
public final class HiddenSamples {

  private static final HiddenSamples NONE = new HiddenSamples(null, 0);

  private final boolean[] hidden;
  private final int hiddenCount;

  private HiddenSamples(boolean[] hidden, int hiddenCount) {
    this.hidden = hidden;
    this.hiddenCount = hiddenCount;
  }

  static HiddenSamples none() {
    return NONE;
  }

  static HiddenSamples of(boolean[] hidden) {
    int count = 0;
    for (boolean h : hidden) {
      count += h ? 1 : 0;
    }
    return count == 0 ? NONE : new HiddenSamples(hidden.clone(), count);
  }

  public boolean any() {
    return hiddenCount > 0;
  }

  /** The values of the shown samples, in order. */
  public double[] remove(double[] values) {
    if (!any()) {
      return values;
    }
    requireSameLength(values);
    double[] shown = new double[values.length - hiddenCount];
    int j = 0;
    for (int i = 0; i < values.length; i++) {
      if (!hidden[i]) {
        shown[j++] = values[i];
      }
    }
    return shown;
  }

  /**
   * A cumulative stream's shown samples, counting only steps between neighbouring shown samples: 0
   * at the first recorded shown value, unchanged across a hidden stretch, NaN kept where nothing
   * was recorded.
   */
  public double[] removeRebased(double[] cumulative) {
    if (!any()) {
      return cumulative;
    }
    requireSameLength(cumulative);
    double[] shown = new double[cumulative.length - hiddenCount];
    double total = 0;
    double previous = Double.NaN;
    int j = 0;
    for (int i = 0; i < cumulative.length; i++) {
      if (hidden[i]) {
        previous = Double.NaN;
        continue;
      }
      double value = cumulative[i];
      if (Double.isNaN(value)) {
        shown[j++] = Double.NaN;
        continue;
      }
      if (!Double.isNaN(previous)) {
        total += value - previous;
      }
      previous = value;
      shown[j++] = total;
    }
    return shown;
  }

  private void requireSameLength(double[] values) {
    if (values.length != hidden.length) {
      throw new IllegalArgumentException(
          "a stream of " + values.length + " samples, positions of " + hidden.length);
    }
  }
}
