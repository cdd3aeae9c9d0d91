package io.stride.workout.metrics;

/**
 * Distance between two nearby points on the WGS84 ellipsoid, ignoring altitude (as Garmin and
 * Strava do). Each step is measured on the plane tangent to the ellipsoid at the step's mean
 * latitude, scaled by the ellipsoid's meridional and prime-vertical radii of curvature there. For
 * the steps GPS devices record (metres to a few hundred metres) this agrees with Vincenty's formula
 * to better than 1 mm per kilometre, and it needs one cosine and one square root instead of an
 * iteration. See docs/metrics.md.
 */
public final class Geodesy {

  static final double SEMI_MAJOR_AXIS = 6_378_137.0;
  static final double FLATTENING = 1 / 298.257223563;
  private static final double E2 = FLATTENING * (2 - FLATTENING);

  private Geodesy() {}

  /** Metres between two points given in degrees. */
  public static double distance(double lat1, double lon1, double lat2, double lon2) {
    double meanLat = Math.toRadians((lat1 + lat2) / 2);
    double sin = Math.sin(meanLat);
    double w = 1 - E2 * sin * sin;
    double primeVertical = SEMI_MAJOR_AXIS / Math.sqrt(w);
    double meridional = SEMI_MAJOR_AXIS * (1 - E2) / (w * Math.sqrt(w));
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(wrapLongitude(lon2 - lon1));
    double north = dLat * meridional;
    double east = dLon * primeVertical * Math.cos(meanLat);
    return Math.sqrt(north * north + east * east);
  }

  private static double wrapLongitude(double degrees) {
    if (degrees > 180) {
      return degrees - 360;
    }
    if (degrees < -180) {
      return degrees + 360;
    }
    return degrees;
  }
}
