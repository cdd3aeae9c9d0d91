package io.stride.workout.streams;

import java.util.Locale;

/** The streams a workout can have; API names are the lower-case names. */
public enum StreamType {
  /** Seconds since the start. */
  TIME,
  LAT,
  LNG,
  /** Cumulative metres, as used for the workout's distance. */
  DISTANCE,
  ALTITUDE,
  /** m/s. */
  SPEED,
  HEART_RATE,
  CADENCE,
  POWER,
  TEMPERATURE;

  String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static StreamType fromApiName(String name) {
    for (StreamType type : values()) {
      if (type.name().equalsIgnoreCase(name.trim())) {
        return type;
      }
    }
    return null;
  }
}
