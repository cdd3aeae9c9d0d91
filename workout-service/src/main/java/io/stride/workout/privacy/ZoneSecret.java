package io.stride.workout.privacy;

import io.stride.workout.metrics.Geodesy;
import java.util.random.RandomGenerator;

/**
 * What makes a zone's hiding unpredictable, drawn server-side and never shown to anyone: the offset
 * of the hidden centre from the real one (uniform bearing, length uniform in [{@link #MIN_OFFSET},
 * {@link #MAX_OFFSET}] of the radius) and a 32-byte key for the per-workout radius. See
 * docs/adr/0008-privacy-zone-guarantee.md.
 */
record ZoneSecret(double offsetNorthMeters, double offsetEastMeters, byte[] key) {

  static final double MIN_OFFSET = 0.3;
  static final double MAX_OFFSET = 0.5;
  static final int KEY_BYTES = 32;
  private static final double ROUNDING = 1e-9;

  static ZoneSecret draw(int radiusMeters, RandomGenerator random) {
    double bearing = 2 * Math.PI * random.nextDouble();
    double length = radiusMeters * (MIN_OFFSET + (MAX_OFFSET - MIN_OFFSET) * random.nextDouble());
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(key);
    return new ZoneSecret(length * Math.cos(bearing), length * Math.sin(bearing), key);
  }

  /**
   * The secret of a zone the athlete edits. Adjusting the pin (a move of less than the old radius)
   * keeps the offset, so the hidden centre moves exactly as the real one did and saving again
   * teaches nothing; a move farther away (a new home) or a radius the offset no longer fits draws a
   * new secret.
   */
  static ZoneSecret afterEdit(
      Zone before, double latitude, double longitude, int radiusMeters, RandomGenerator random) {
    double moved = Geodesy.distance(before.latitude(), before.longitude(), latitude, longitude);
    return moved < before.radiusMeters() && before.secret().fits(radiusMeters)
        ? before.secret()
        : draw(radiusMeters, random);
  }

  double offsetMeters() {
    return Math.hypot(offsetNorthMeters, offsetEastMeters);
  }

  boolean fits(int radiusMeters) {
    double length = offsetMeters();
    return length >= MIN_OFFSET * radiusMeters * (1 - ROUNDING)
        && length <= MAX_OFFSET * radiusMeters * (1 + ROUNDING);
  }
}
