package io.stride.workout.privacy;

import io.stride.platform.locks.TransactionLocks;
import io.stride.platform.web.ConflictException;
import io.stride.platform.web.NotFoundException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * at once. Every endpoint that shows samples to anyone but the owner goes through {@link
 * #hiddenFromOthers}.
 *
 * <p>A workout hides, around each zone, a circle centred at a secret point near the zone's centre
 * with a secret radius per workout ({@link ZoneHiding}); what many workouts reveal converges to
 * that secret point, at least {@link ZoneSecret#MIN_OFFSET} r from the real one. See
 * docs/adr/0008-privacy-zone-guarantee.md.
 */
@Service
public class PrivacyZones {

  static final int MAX_ZONES = 10;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  PrivacyZones(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The samples of {@code owner}'s workout {@code workoutId} that its zones hide from everybody but
   * the owner, given the workout's positions (null without any: nothing is hidden). Call only when
   * the viewer is not the owner, and apply the result to every stream shown.
   */
  @Transactional(readOnly = true)
  public HiddenSamples hiddenFromOthers(
      UUID owner, UUID workoutId, double[] latitudes, double[] longitudes) {
    if (latitudes == null || longitudes == null) {
      return HiddenSamples.none();
    }
    List<Zone> zones = zonesOf(owner);
    if (zones.isEmpty()) {
      return HiddenSamples.none();
    }
    return HiddenSamples.of(ZoneHiding.hidden(zones, workoutId, latitudes, longitudes));
  }

  List<Zone> zonesOf(UUID owner) {
    return jdbc.sql(
            "select id, lat, lng, radius_m, offset_north_m, offset_east_m, secret"
                + " from privacy_zone where owner_id = ?")
        .param(owner)
        .query((rs, row) -> zone(rs))
        .list();
  }

  private static Zone zone(ResultSet rs) throws SQLException {
    return new Zone(
        rs.getObject("id", UUID.class),
        rs.getDouble("lat"),
        rs.getDouble("lng"),
        rs.getInt("radius_m"),
        new ZoneSecret(
            rs.getDouble("offset_north_m"), rs.getDouble("offset_east_m"), rs.getBytes("secret")));
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
    TransactionLocks.hold(jdbc, "zones:" + owner);
    long existing =
        jdbc.sql("select count(*) from privacy_zone where owner_id = ?")
            .param(owner)
            .query(Long.class)
            .single();
    if (existing >= MAX_ZONES) {
      throw new ConflictException("At most " + MAX_ZONES + " privacy zones per athlete.");
    }
    UUID id = UUID.randomUUID();
    ZoneSecret secret = ZoneSecret.draw(request.radiusMeters(), random);
    jdbc.sql(
            "insert into privacy_zone (id, owner_id, lat, lng, radius_m, label, created_at,"
                + " offset_north_m, offset_east_m, secret) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            owner,
            request.latitude(),
            request.longitude(),
            request.radiusMeters(),
            request.label(),
            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
            secret.offsetNorthMeters(),
            secret.offsetEastMeters(),
            secret.key())
        .update();
    return find(owner, id);
  }

  @Transactional
  PrivacyZoneResponse update(UUID owner, UUID id, PrivacyZoneRequest request) {
    Zone before =
        jdbc.sql(
                "select id, lat, lng, radius_m, offset_north_m, offset_east_m, secret"
                    + " from privacy_zone where id = ? and owner_id = ? for update")
            .params(id, owner)
            .query((rs, row) -> zone(rs))
            .optional()
            .orElseThrow(() -> notFound(id));
    ZoneSecret secret =
        ZoneSecret.afterEdit(
            before, request.latitude(), request.longitude(), request.radiusMeters(), random);
    jdbc.sql(
            "update privacy_zone set lat = ?, lng = ?, radius_m = ?, label = ?,"
                + " offset_north_m = ?, offset_east_m = ?, secret = ? where id = ?")
        .params(
            request.latitude(),
            request.longitude(),
            request.radiusMeters(),
            request.label(),
            secret.offsetNorthMeters(),
            secret.offsetEastMeters(),
            secret.key(),
            id)
        .update();
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
