package io.stride.workout.live;

import io.stride.workout.metrics.Track;
import io.stride.workout.metrics.Track.Channel;
import io.stride.workout.readings.ReadingType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The track of a live workout, read back from the readings its device sent while it recorded:
 * samples with the same timestamp become one point (GPS gives position and altitude; heart rate,
 * cadence, power, speed, distance and temperature their channels).
 */
@Component
class LiveTrack {

  /** Codes of the reading types that make up a track, for the query's {@code in (…)}. */
  private static final String TRACK_TYPES =
      java.util.stream.Stream.of(
              ReadingType.HEART_RATE,
              ReadingType.GPS,
              ReadingType.CADENCE,
              ReadingType.POWER,
              ReadingType.SPEED,
              ReadingType.DISTANCE,
              ReadingType.TEMPERATURE)
          .map(type -> Short.toString(type.code()))
          .collect(java.util.stream.Collectors.joining(", "));

  private final JdbcTemplate jdbc;

  LiveTrack(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Track of(UUID user, String device, Instant from, Instant to) {
    Track.Builder track = Track.builder();
    long[] current = {Long.MIN_VALUE};
    jdbc.query(
        """
        select type, time, value, lat, lng from reading
        where user_id = ? and device_id = ? and time >= ? and time <= ?
          and type in (%s)
        order by time
        """
            .formatted(TRACK_TYPES),
        (ResultSet rs) -> {
          long millis = rs.getObject("time", OffsetDateTime.class).toInstant().toEpochMilli();
          if (millis != current[0]) {
            track.point(millis);
            current[0] = millis;
          }
          set(track, rs);
        },
        user,
        device,
        OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
        OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
    return track.build();
  }

  private static void set(Track.Builder track, ResultSet rs) throws SQLException {
    double value = number(rs, "value");
    switch (ReadingType.ofCode(rs.getShort("type"))) {
      case HEART_RATE -> track.set(Channel.HEART_RATE, value);
      case GPS -> {
        track.set(Channel.LATITUDE, number(rs, "lat"));
        track.set(Channel.LONGITUDE, number(rs, "lng"));
        track.set(Channel.ALTITUDE, value);
      }
      case CADENCE -> track.set(Channel.CADENCE, value);
      case POWER -> track.set(Channel.POWER, value);
      case SPEED -> track.set(Channel.SPEED, value);
      case DISTANCE -> track.set(Channel.DISTANCE, value);
      case TEMPERATURE -> track.set(Channel.TEMPERATURE, value);
      default -> {}
    }
  }

  private static double number(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : value;
  }
}
