package io.stride.workout.privacy;

import io.stride.workout.metrics.Geodesy;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Which samples of a workout its owner's zones hide from everybody else. Around each zone a workout
 * hides every position within its trim circle: centred at the zone's hidden centre (the real centre
 * moved by the secret offset), with a radius of r + |offset| + up to {@link #MAX_EXTRA_RADIUS} r,
 * fixed per workout by an HMAC of the workout id under the zone's key. The radius always exceeds r
 * + |offset|, so the whole disc the athlete chose stays hidden; the ends of the visible track lie
 * on circles around the hidden centre, never around the real one.
 */
final class ZoneHiding {

  static final double MAX_EXTRA_RADIUS = 0.25;
  private static final double METERS_PER_DEGREE = Math.PI / 180 * 6_371_008.8;

  private ZoneHiding() {}

  /**
   * Hidden flags per sample: positions inside a trim circle, and samples without a position next to
   * a hidden one (a gap in the fix inside a zone stays hidden).
   */
  static boolean[] hidden(
      List<Zone> zones, UUID workoutId, double[] latitudes, double[] longitudes) {
    int n = latitudes.length;
    boolean[] hidden = new boolean[n];
    int zoneCount = zones.size();
    double[] centreLat = new double[zoneCount];
    double[] centreLng = new double[zoneCount];
    double[] radius = new double[zoneCount];
    for (int z = 0; z < zoneCount; z++) {
      double[] centre = hiddenCentre(zones.get(z));
      centreLat[z] = centre[0];
      centreLng[z] = centre[1];
      radius[z] = trimRadius(workoutId, zones.get(z));
    }
    boolean[] positioned = new boolean[n];
    for (int i = 0; i < n; i++) {
      positioned[i] = !Double.isNaN(latitudes[i]) && !Double.isNaN(longitudes[i]);
      for (int z = 0; positioned[i] && !hidden[i] && z < zoneCount; z++) {
        hidden[i] =
            Geodesy.distance(centreLat[z], centreLng[z], latitudes[i], longitudes[i]) <= radius[z];
      }
    }
    hideUnpositionedNeighbours(hidden, positioned);
    return hidden;
  }

  private static void hideUnpositionedNeighbours(boolean[] hidden, boolean[] positioned) {
    boolean previousHidden = false;
    for (int i = 0; i < hidden.length; i++) {
      if (positioned[i]) {
        previousHidden = hidden[i];
      } else if (previousHidden) {
        hidden[i] = true;
      }
    }
    boolean nextHidden = false;
    for (int i = hidden.length - 1; i >= 0; i--) {
      if (positioned[i]) {
        nextHidden = hidden[i];
      } else if (nextHidden) {
        hidden[i] = true;
      }
    }
  }

  /** The hidden centre: {latitude, longitude}, the real centre moved by the secret offset. */
  static double[] hiddenCentre(Zone zone) {
    ZoneSecret secret = zone.secret();
    double cos = Math.max(Math.cos(Math.toRadians(zone.latitude())), 1e-6);
    double dLat = secret.offsetNorthMeters() / METERS_PER_DEGREE;
    double dLng = secret.offsetEastMeters() / (METERS_PER_DEGREE * cos);
    // scale so the offset measures exactly its length the way every distance here is measured
    double measured =
        Geodesy.distance(
            zone.latitude(), zone.longitude(), zone.latitude() + dLat, zone.longitude() + dLng);
    double scale = measured > 0 ? secret.offsetMeters() / measured : 1;
    double latitude = Math.max(-90, Math.min(90, zone.latitude() + dLat * scale));
    double longitude = zone.longitude() + dLng * scale;
    if (longitude > 180) {
      longitude -= 360;
    } else if (longitude < -180) {
      longitude += 360;
    }
    return new double[] {latitude, longitude};
  }

  /** The trim radius around the hidden centre in one workout: stable per workout and zone. */
  static double trimRadius(UUID workoutId, Zone zone) {
    double[] centre = hiddenCentre(zone);
    double offset = Geodesy.distance(zone.latitude(), zone.longitude(), centre[0], centre[1]);
    return zone.radiusMeters()
        + offset
        + MAX_EXTRA_RADIUS * zone.radiusMeters() * unit(workoutId, zone);
  }

  /** A number in [0, 1) only the zone's key can tell, fixed per workout. */
  private static double unit(UUID workoutId, Zone zone) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(zone.secret().key(), "HmacSHA256"));
      byte[] id =
          ByteBuffer.allocate(16)
              .putLong(workoutId.getMostSignificantBits())
              .putLong(workoutId.getLeastSignificantBits())
              .array();
      long bits = ByteBuffer.wrap(mac.doFinal(id)).getLong() >>> 11;
      return bits / (double) (1L << 53);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
