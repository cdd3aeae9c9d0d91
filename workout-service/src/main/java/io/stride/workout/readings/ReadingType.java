package io.stride.workout.readings;

import java.util.Locale;

/**
 * What a tracker can send, with the code stored per sample and the range a real value falls in
 * (anything outside is refused, not stored). {@code gps} carries {@code lat}, {@code lng} and
 * optionally {@code alt} instead of a value; {@code steps} is the count since the previous sample;
 * {@code sleep_stage} is 0 awake, 1 light, 2 deep, 3 REM.
 */
public enum ReadingType {
  HEART_RATE(1, 20, 260),
  STEPS(2, 0, 100_000),
  GPS(3, -1_000, 10_000),
  CADENCE(4, 0, 300),
  POWER(5, 0, 3_000),
  SPEED(6, 0, 100),
  SLEEP_STAGE(7, 0, 3),
  WEIGHT(8, 20, 400),
  DISTANCE(9, 0, 1_000_000),
  CALORIES(10, 0, 10_000),
  SPO2(11, 50, 100),
  TEMPERATURE(12, -50, 60);

  final short code;
  final double min;
  final double max;

  ReadingType(int code, double min, double max) {
    this.code = (short) code;
    this.min = min;
    this.max = max;
  }

  static ReadingType fromApiName(String name) {
    if (name == null) {
      return null;
    }
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  /** The code stored in {@code reading.type}. */
  public short code() {
    return code;
  }

  public static ReadingType ofCode(short code) {
    for (ReadingType type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown reading type code " + code);
  }

  String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
