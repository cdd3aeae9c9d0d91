package io.stride.workout.live;

import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.NotFoundException;
import io.stride.workout.activity.ParsedActivity;
import io.stride.workout.activity.RecordedActivity;
import io.stride.workout.athletes.Athletes;
import io.stride.workout.metrics.ActivityMetrics;
import io.stride.workout.metrics.Sport;
import io.stride.workout.metrics.Track;
import io.stride.workout.metrics.WorkoutMetrics;
import io.stride.workout.workouts.WorkoutRecordings;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Live workouts: a device opens one, streams readings into {@code /api/v1/readings} with the same
 * device id, and finishes it; finishing builds the track from those readings and computes the same
 * metrics as an imported file. Finishing twice answers the same workout.
 */
@Service
class LiveWorkoutService {

  private final JdbcClient jdbc;
  private final LiveTrack tracks;
  private final WorkoutRecordings recordings;
  private final Athletes athletes;
  private final Clock clock;

  LiveWorkoutService(
      JdbcClient jdbc,
      LiveTrack tracks,
      WorkoutRecordings recordings,
      Athletes athletes,
      Clock clock) {
    this.jdbc = jdbc;
    this.tracks = tracks;
    this.recordings = recordings;
    this.athletes = athletes;
    this.clock = clock;
  }

  @Transactional
  LiveWorkoutResponse start(UUID user, StartLiveWorkoutRequest request) {
    Sport sport = Sport.fromApiName(request.sport());
    if (sport == null) {
      throw InvalidRequestException.of("sport", "unknown sport");
    }
    Instant now = clock.instant();
    Instant start = request.startTime() != null ? request.startTime() : now;
    if (start.isAfter(now.plusSeconds(300)) || start.isBefore(now.minusSeconds(86_400))) {
      throw InvalidRequestException.of("startTime", "must be within the last day");
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into live_workout (id, user_id, device_id, sport, status, started_at)"
                + " values (?, ?, ?, ?, 'RECORDING', ?)")
        .params(id, user, request.deviceId(), sport.name(), utc(start))
        .update();
    return get(user, id);
  }

  @Transactional(readOnly = true)
  LiveWorkoutResponse get(UUID user, UUID id) {
    return jdbc.sql(
            "select id, device_id, sport, status, started_at, finished_at, workout_id"
                + " from live_workout where id = ? and user_id = ?")
        .params(id, user)
        .query(
            (rs, row) ->
                new LiveWorkoutResponse(
                    rs.getObject("id", UUID.class),
                    rs.getString("device_id"),
                    rs.getString("sport").toLowerCase(Locale.ROOT),
                    rs.getString("status").toLowerCase(Locale.ROOT),
                    rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                    rs.getObject("finished_at", OffsetDateTime.class) == null
                        ? null
                        : rs.getObject("finished_at", OffsetDateTime.class).toInstant(),
                    rs.getObject("workout_id", UUID.class)))
        .optional()
        .orElseThrow(() -> new NotFoundException("No live workout " + id + " of yours."));
  }

  @Transactional
  LiveWorkoutResponse finish(UUID user, UUID id) {
    LiveWorkoutResponse live =
        jdbc.sql("select id from live_workout where id = ? and user_id = ? for update")
            .params(id, user)
            .query(UUID.class)
            .optional()
            .map(found -> get(user, found))
            .orElseThrow(() -> new NotFoundException("No live workout " + id + " of yours."));
    if (live.workoutId() != null) {
      return live;
    }
    Instant end = clock.instant();
    Track track = tracks.of(user, live.deviceId(), live.startedAt(), end);
    if (track.size() < 2) {
      throw InvalidRequestException.of(
          "readings", "the device sent fewer than two readings since the workout started");
    }
    Sport sport = Sport.fromApiName(live.sport());
    ActivityMetrics metrics = WorkoutMetrics.compute(track, sport, athletes.of(user).body());
    UUID workoutId =
        recordings.record(
            new RecordedActivity(
                user,
                RecordedActivity.Origin.LIVE,
                sport,
                null,
                Instant.ofEpochMilli(track.timeMillis(0)),
                live.deviceId(),
                null,
                null,
                track,
                metrics,
                ParsedActivity.DeviceTotals.NONE,
                List.of()));
    jdbc.sql(
            "update live_workout set status = 'FINISHED', finished_at = ?, workout_id = ?"
                + " where id = ?")
        .params(utc(end), workoutId, id)
        .update();
    return get(user, id);
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
