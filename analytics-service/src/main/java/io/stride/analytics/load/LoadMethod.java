package io.stride.analytics.load;

import java.util.Locale;

/** Which formula produced a workout's training load (docs/analytics.md, "Training load"). */
public enum LoadMethod {
  /** hrTSS-like score from the seconds in each heart-rate zone. */
  HR_ZONES,
  /** Banister's TRIMP from the average heart rate. */
  TRIMP,
  /** Foster's session RPE (minutes × perceived effort), scaled to the hrTSS range. */
  SESSION_RPE,
  /** Nothing to compute from: no heart rate and no perceived effort; the load is 0. */
  NONE;

  /** The name in the API and the database: {@code hr-zones}, {@code trimp} … */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static LoadMethod ofApiName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
