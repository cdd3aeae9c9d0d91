package io.stride.workout.records;

import io.stride.workout.metrics.Sport;
import io.stride.workout.records.RecordsResponse.EffortRecord;
import io.stride.workout.records.RecordsResponse.FamilyRecords;
import io.stride.workout.records.RecordsResponse.Record;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An athlete's records, read from their workouts as they are now (a deleted workout takes its
 * records with it): per sport family, the farthest, the longest moving time (elapsed time for a
 * workout entered without one), the most climbing, the fastest average speed over at least {@link
 * #FASTEST_FROM_METERS}, and the fastest time at each best-effort distance. Ties go to the earlier
 * workout.
 */
@Component
class AthleteRecords {

  /** A workout shorter than this sets no average-speed record: 200 m at a sprint is not a ride. */
  static final double FASTEST_FROM_METERS = 1000;

  /** Moving time; a workout entered by hand without one moved all its elapsed time. */
  private static final String MOVING = "coalesce(moving_seconds, elapsed_seconds)";

  private final JdbcClient jdbc;

  AthleteRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  RecordsResponse of(UUID athlete) {
    Map<String, List<Sport>> sportsByFamily =
        Arrays.stream(Sport.values())
            .collect(Collectors.groupingBy(sport -> sport.family().name()));
    List<FamilyRecords> families = new ArrayList<>();
    for (Sport.Family family : Sport.Family.values()) {
      String[] sports =
          sportsByFamily.getOrDefault(family.name(), List.of()).stream()
              .map(Sport::name)
              .toArray(String[]::new);
      Record farthest = best(athlete, sports, "distance_m", "distance_m > 0");
      Record longest = best(athlete, sports, MOVING, MOVING + " > 0");
      Record climbing = best(athlete, sports, "elevation_gain_m", "elevation_gain_m > 0");
      Record fastest =
          best(
              athlete,
              sports,
              "distance_m / " + MOVING,
              MOVING + " > 0 and distance_m >= " + FASTEST_FROM_METERS);
      List<EffortRecord> efforts = efforts(athlete, family);
      if (farthest != null || longest != null || climbing != null || !efforts.isEmpty()) {
        families.add(
            new FamilyRecords(
                family.name().toLowerCase(Locale.ROOT),
                farthest,
                longest,
                climbing,
                fastest,
                efforts));
      }
    }
    return new RecordsResponse(families);
  }

  /** The workout with the highest {@code value}; {@code value} and {@code where} are constants. */
  private Record best(UUID athlete, String[] sports, String value, String where) {
    return jdbc.sql(
            "select "
                + value
                + " as value, id, start_time from workout"
                + " where owner_id = :owner and sport = any(:sports) and "
                + where
                + " order by value desc, start_time, id limit 1")
        .param("owner", athlete)
        .param("sports", sports)
        .query(
            (rs, row) ->
                new Record(rs.getDouble("value"), rs.getObject("id", UUID.class), start(rs)))
        .optional()
        .orElse(null);
  }

  private List<EffortRecord> efforts(UUID athlete, Sport.Family family) {
    return jdbc.sql(
            "select distinct on (meters) effort, meters, seconds, workout_id, start_time"
                + " from best_effort where owner_id = ? and family = ?"
                + " order by meters, seconds, start_time, workout_id")
        .params(athlete, family.name())
        .query(
            (rs, row) ->
                new EffortRecord(
                    rs.getString("effort"),
                    rs.getDouble("meters"),
                    rs.getDouble("seconds"),
                    rs.getObject("workout_id", UUID.class),
                    start(rs)))
        .list();
  }

  private static java.time.Instant start(ResultSet rs) throws SQLException {
    return rs.getObject("start_time", OffsetDateTime.class).toInstant();
  }
}
