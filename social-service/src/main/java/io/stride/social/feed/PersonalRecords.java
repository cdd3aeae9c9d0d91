package io.stride.social.feed;

import io.stride.contracts.workout.PersonalRecordSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The personal records each workout set, kept from workout-service's {@code PersonalRecordSet} and
 * shown on the workout's feed items. Records travel on their own topic, so one may arrive before
 * its workout; it waits for it, and one for a deleted workout is not kept.
 */
@Component
public class PersonalRecords {

  private final JdbcClient jdbc;

  PersonalRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Keeps a record; the same record again changes nothing. */
  @Transactional
  public void apply(PersonalRecordSet record) {
    jdbc.sql(
            """
            insert into workout_record (workout_id, owner_id, effort, distance_m, elapsed_seconds,
                                        previous_seconds)
            select :workout, :owner, :effort, :distance, :elapsed, :previous
            where not exists (select 1 from workout where workout_id = :workout and deleted)
            on conflict (workout_id, effort) do update set
                distance_m = excluded.distance_m,
                elapsed_seconds = excluded.elapsed_seconds,
                previous_seconds = excluded.previous_seconds
            """)
        .param("workout", record.workoutId())
        .param("owner", record.userId())
        .param("effort", record.effort())
        .param("distance", record.distanceMeters())
        .param("elapsed", record.elapsedSeconds())
        .param("previous", record.previousSeconds())
        .update();
  }

  /** A deleted workout's records go with it. */
  @Transactional(propagation = Propagation.MANDATORY)
  void delete(UUID workoutId) {
    jdbc.sql("delete from workout_record where workout_id = ?").param(workoutId).update();
  }

  /** The items with the records their workouts set, shortest effort first; one query a page. */
  List<FeedItem> attachTo(List<FeedItem> items) {
    if (items.isEmpty()) {
      return items;
    }
    Map<UUID, List<FeedItem.PersonalRecord>> byWorkout = new HashMap<>();
    jdbc.sql(
            """
            select workout_id, effort, distance_m, elapsed_seconds, previous_seconds
            from workout_record where workout_id = any(:ids) order by distance_m
            """)
        .param("ids", items.stream().map(FeedItem::workoutId).toArray(UUID[]::new))
        .query(
            (rs, row) -> {
              byWorkout
                  .computeIfAbsent(rs.getObject("workout_id", UUID.class), id -> new ArrayList<>())
                  .add(
                      new FeedItem.PersonalRecord(
                          rs.getString("effort"),
                          rs.getDouble("distance_m"),
                          rs.getDouble("elapsed_seconds"),
                          rs.getObject("previous_seconds", Double.class)));
              return null;
            })
        .list();
    return items.stream()
        .map(item -> item.withRecords(byWorkout.getOrDefault(item.workoutId(), List.of())))
        .toList();
  }
}
