package io.stride.workout.streams;

import io.stride.workout.metrics.Sport;
import io.stride.workout.metrics.Track;
import io.stride.workout.metrics.Track.Channel;
import io.stride.workout.metrics.WorkoutMetrics;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a workout's samples as one compressed row per stream and reads them back in bulk. Only
 * streams with at least one recorded value are stored.
 */
@Component
public class WorkoutStreams {

  private final JdbcClient jdbc;

  WorkoutStreams(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Saves the track's streams for a new workout, in the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void save(UUID workoutId, Track track, Sport sport) {
    if (track.isEmpty()) {
      return;
    }
    Map<StreamType, double[]> streams = fromTrack(track, sport);
    for (Map.Entry<StreamType, double[]> stream : streams.entrySet()) {
      jdbc.sql(
              "insert into workout_stream (workout_id, type, point_count, data) values (?, ?, ?, ?)")
          .params(
              workoutId,
              stream.getKey().name(),
              track.size(),
              StreamCodec.encode(stream.getValue(), track.size()))
          .update();
    }
  }

  /** Replaces a workout's streams (it was processed again), in the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void replace(UUID workoutId, Track track, Sport sport) {
    jdbc.sql("delete from workout_stream where workout_id = ?").param(workoutId).update();
    save(workoutId, track, sport);
  }

  /** The stored streams of {@code types} (those the workout has), full resolution. */
  @Transactional(readOnly = true)
  public Map<StreamType, double[]> load(UUID workoutId, Set<StreamType> types) {
    Map<StreamType, double[]> streams = new EnumMap<>(StreamType.class);
    List<String> names = types.stream().map(StreamType::name).toList();
    if (names.isEmpty()) {
      return streams;
    }
    jdbc.sql("select type, data from workout_stream where workout_id = :id and type in (:types)")
        .param("id", workoutId)
        .param("types", names)
        .query(
            (rs, row) ->
                streams.put(
                    StreamType.valueOf(rs.getString("type")),
                    StreamCodec.decode(rs.getBytes("data"))))
        .list();
    return streams;
  }

  static Map<StreamType, double[]> fromTrack(Track track, Sport sport) {
    WorkoutMetrics.Series series = WorkoutMetrics.series(track, sport);
    Map<StreamType, double[]> streams = new EnumMap<>(StreamType.class);
    streams.put(StreamType.TIME, series.seconds());
    if (series.distance() != null) {
      streams.put(StreamType.DISTANCE, series.distance());
      streams.put(StreamType.SPEED, series.speed());
    }
    Map<StreamType, Channel> recorded =
        Map.of(
            StreamType.LAT, Channel.LATITUDE,
            StreamType.LNG, Channel.LONGITUDE,
            StreamType.ALTITUDE, Channel.ALTITUDE,
            StreamType.HEART_RATE, Channel.HEART_RATE,
            StreamType.CADENCE, Channel.CADENCE,
            StreamType.POWER, Channel.POWER,
            StreamType.TEMPERATURE, Channel.TEMPERATURE);
    for (StreamType type : EnumSet.copyOf(recorded.keySet())) {
      Channel channel = recorded.get(type);
      if (track.has(channel)) {
        double[] values = new double[track.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = track.value(channel, i);
        }
        streams.put(type, values);
      }
    }
    return streams;
  }
}
