package io.stride.workout.privacy;

import io.stride.platform.web.ConflictException;
import io.stride.platform.web.NotFoundException;
import io.stride.workout.metrics.Geodesy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The athlete's privacy zones and their application. Zones are applied when data is read, never
 * baked into what is stored, so adding, moving or removing a zone applies to every existing workout
 * at once. Every endpoint that shows coordinates to anyone but the owner goes through {@link
 * #hideFromOthers}.
 *
 * <p>Around each zone, a workout hides every point within a radius drawn between the zone's radius
 * and one and a half times it, fixed per workout and zone (derived from both ids, and zone ids are
 * never shown to anyone else): the trim edges of many workouts lie on different circles, so
 * overlaying them does not outline the zone, and asking again never gives another radius.
 */
@Service
public class PrivacyZones {

  static final int MAX_ZONES = 10;
  static final double MAX_EXTRA_RADIUS = 0.5;

  private final JdbcClient jdbc;
  private final Clock clock;

  PrivacyZones(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  record Zone(UUID id, double latitude, double longitude, int radiusMeters) {}

  /**
   * Blanks (NaN) the positions of {@code owner}'s workout {@code workoutId} that lie in one of the
   * owner's zones, in place. Call only when the viewer is not the owner.
   */
  @Transactional(readOnly = true)
  public void hideFromOthers(UUID owner, UUID workoutId, double[] latitudes, double[] longitudes) {
    List<Zone> zones = zonesOf(owner);
    if (zones.isEmpty() || latitudes == null || longitudes == null) {
      return;
    }
    double[] radii = new double[zones.size()];
    for (int z = 0; z < radii.length; z++) {
      radii[z] = trimRadius(workoutId, zones.get(z));
    }
    for (int i = 0; i < latitudes.length; i++) {
      if (Double.isNaN(latitudes[i]) || Double.isNaN(longitudes[i])) {
        continue;
      }
      for (int z = 0; z < radii.length; z++) {
        Zone zone = zones.get(z);
        if (Geodesy.distance(zone.latitude(), zone.longitude(), latitudes[i], longitudes[i])
            <= radii[z]) {
          latitudes[i] = Double.NaN;
          longitudes[i] = Double.NaN;
          break;
        }
      }
    }
  }

  /** The radius hidden around {@code zone} in one workout: [r, 1.5 r], stable per workout. */
  static double trimRadius(UUID workoutId, Zone zone) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(workoutId.toString().getBytes(StandardCharsets.US_ASCII));
      sha.update(zone.id().toString().getBytes(StandardCharsets.US_ASCII));
      long bits = ByteBuffer.wrap(sha.digest()).getLong() >>> 11;
      double unit = bits / (double) (1L << 53);
      return zone.radiusMeters() * (1 + MAX_EXTRA_RADIUS * unit);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  List<Zone> zonesOf(UUID owner) {
    return jdbc.sql("select id, lat, lng, radius_m from privacy_zone where owner_id = ?")
        .param(owner)
        .query(
            (rs, row) ->
                new Zone(
                    rs.getObject("id", UUID.class),
                    rs.getDouble("lat"),
                    rs.getDouble("lng"),
                    rs.getInt("radius_m")))
        .list();
  }

  @Transactional(readOnly = true)
  List<PrivacyZoneResponse> list(UUID owner) {
    return jdbc.sql(
            "select id, lat, lng, radius_m, label, created_at from privacy_zone"
                + " where owner_id = ? order by created_at")
        .param(owner)
        .query(
            (rs, row) ->
                new PrivacyZoneResponse(
                    rs.getObject("id", UUID.class),
                    rs.getDouble("lat"),
                    rs.getDouble("lng"),
                    rs.getInt("radius_m"),
                    rs.getString("label"),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  @Transactional
  PrivacyZoneResponse create(UUID owner, PrivacyZoneRequest request) {
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 11))")
        .param("zones:" + owner)
        .query((rs, row) -> 1)
        .list();
    long existing =
        jdbc.sql("select count(*) from privacy_zone where owner_id = ?")
            .param(owner)
            .query(Long.class)
            .single();
    if (existing >= MAX_ZONES) {
      throw new ConflictException("At most " + MAX_ZONES + " privacy zones per athlete.");
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into privacy_zone (id, owner_id, lat, lng, radius_m, label, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            owner,
            request.latitude(),
            request.longitude(),
            request.radiusMeters(),
            request.label(),
            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .update();
    return find(owner, id);
  }

  @Transactional
  PrivacyZoneResponse update(UUID owner, UUID id, PrivacyZoneRequest request) {
    int changed =
        jdbc.sql(
                "update privacy_zone set lat = ?, lng = ?, radius_m = ?, label = ?"
                    + " where id = ? and owner_id = ?")
            .params(
                request.latitude(),
                request.longitude(),
                request.radiusMeters(),
                request.label(),
                id,
                owner)
            .update();
    if (changed == 0) {
      throw notFound(id);
    }
    return find(owner, id);
  }

  @Transactional
  void delete(UUID owner, UUID id) {
    if (jdbc.sql("delete from privacy_zone where id = ? and owner_id = ?")
            .params(id, owner)
            .update()
        == 0) {
      throw notFound(id);
    }
  }

  private PrivacyZoneResponse find(UUID owner, UUID id) {
    return list(owner).stream()
        .filter(zone -> zone.id().equals(id))
        .findFirst()
        .orElseThrow(() -> notFound(id));
  }

  private static NotFoundException notFound(UUID id) {
    return new NotFoundException("No privacy zone " + id + " of yours.");
  }
}
