package io.stride.workout.metrics;

import java.util.Arrays;

/**
 * The samples of one activity as parallel arrays, one index per recorded point, in time order. A
 * value the device did not record is {@code NaN}. {@code segment} numbers the stretches the device
 * recorded without a pause (GPX track segments, FIT timer stops); time between two segments is
 * never moving time.
 */
public final class Track {

  private final long[] timeMillis;
  private final int[] segment;
  private final double[][] channels;
  private final int size;

  /** The recorded channels, indexing {@link #channel}. */
  public enum Channel {
    LATITUDE,
    LONGITUDE,
    ALTITUDE,
    /** Cumulative distance the device measured (wheel, foot pod, its own GPS filter), metres. */
    DISTANCE,
    HEART_RATE,
    CADENCE,
    POWER,
    /** Speed the device measured, m/s. */
    SPEED,
    TEMPERATURE
  }

  Track(long[] timeMillis, int[] segment, double[][] channels, int size) {
    this.timeMillis = timeMillis;
    this.segment = segment;
    this.channels = channels;
    this.size = size;
  }

  public static Builder builder() {
    return new Builder();
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public long timeMillis(int i) {
    return timeMillis[i];
  }

  public int segment(int i) {
    return segment[i];
  }

  public double value(Channel channel, int i) {
    return channels[channel.ordinal()][i];
  }

  /** The whole channel; NaN where not recorded. Do not modify. */
  double[] channel(Channel channel) {
    return channels[channel.ordinal()];
  }

  /** Whether at least one point has a value for {@code channel}. */
  public boolean has(Channel channel) {
    double[] values = channels[channel.ordinal()];
    for (int i = 0; i < size; i++) {
      if (!Double.isNaN(values[i])) {
        return true;
      }
    }
    return false;
  }

  public boolean hasPosition() {
    double[] lat = channel(Channel.LATITUDE);
    double[] lon = channel(Channel.LONGITUDE);
    for (int i = 0; i < size; i++) {
      if (!Double.isNaN(lat[i]) && !Double.isNaN(lon[i])) {
        return true;
      }
    }
    return false;
  }

  /** The same track with each time mapped, e.g. a device's clock put right; order must hold. */
  public Track withTimes(java.util.function.LongUnaryOperator correction) {
    long[] corrected = new long[size];
    for (int i = 0; i < size; i++) {
      corrected[i] = correction.applyAsLong(timeMillis[i]);
      if (i > 0 && corrected[i] < corrected[i - 1]) {
        throw new IllegalArgumentException("a time correction must keep the points in order");
      }
    }
    return new Track(corrected, segment, channels, size);
  }

  /** Collects points in recording order; points that go back in time are dropped. */
  public static final class Builder {

    private long[] time = new long[256];
    private int[] segments = new int[256];
    private double[][] values = new double[Channel.values().length][256];
    private int size;
    private int currentSegment;
    private boolean segmentOpen;
    private boolean dropping;

    private Builder() {}

    /** Starts a new pause-separated segment; the next point begins it. */
    public Builder newSegment() {
      if (segmentOpen) {
        currentSegment++;
        segmentOpen = false;
      }
      return this;
    }

    /** Adds a point at {@code timeMillis}; its channel values start as NaN. */
    public Builder point(long timeMillis) {
      if (size > 0 && timeMillis < time[size - 1]) {
        dropping = true;
        return this;
      }
      dropping = false;
      if (size == time.length) {
        grow();
      }
      time[size] = timeMillis;
      segments[size] = currentSegment;
      for (double[] channel : values) {
        channel[size] = Double.NaN;
      }
      size++;
      segmentOpen = true;
      return this;
    }

    /** Sets a channel of the last added point (ignored for a dropped point or NaN/infinite). */
    public Builder set(Channel channel, double value) {
      if (size > 0 && !dropping && Double.isFinite(value)) {
        values[channel.ordinal()][size - 1] = value;
      }
      return this;
    }

    public int size() {
      return size;
    }

    private void grow() {
      int capacity = time.length * 2;
      time = Arrays.copyOf(time, capacity);
      segments = Arrays.copyOf(segments, capacity);
      for (int c = 0; c < values.length; c++) {
        values[c] = Arrays.copyOf(values[c], capacity);
      }
    }

    public Track build() {
      return new Track(time, segments, values, size);
    }
  }
}
