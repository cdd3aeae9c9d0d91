package io.stride.workout.readings;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes a batch as one statement: the batch number goes into {@code reading_batch} and, only if it
 * is new, the samples travel as five arrays that {@code unnest} turns into rows — 5,000 samples
 * cost one round trip and one plan; {@code on conflict do nothing} drops samples stored before
 * (same user, type, time and device).
 */
@Repository
class ReadingStore {

  private static final String INSERT =
      """
      with new_batch as (
        insert into reading_batch (user_id, device_id, batch, samples, received_at)
        values (?, ?, ?, ?, ?)
        on conflict do nothing
        returning 1
      ), stored as (
        insert into reading (user_id, device_id, type, time, value, lat, lng)
        select ?, ?, t, ts, nullif(v, 'NaN'), nullif(la, 'NaN'), nullif(lo, 'NaN')
        from unnest(?::smallint[], (?::text[])::timestamptz[], ?::float8[], ?::float8[],
                    ?::float8[]) as s(t, ts, v, la, lo)
        where exists (select 1 from new_batch)
        on conflict do nothing
        returning 1
      )
      select (select count(*) from new_batch), (select count(*) from stored)
      """;

  /** What a batch did: whether its number was new, and how many of its samples were. */
  record Stored(boolean newBatch, int samples) {}

  private final JdbcTemplate jdbc;
  private final JdbcClient client;

  ReadingStore(JdbcTemplate jdbc, JdbcClient client) {
    this.jdbc = jdbc;
    this.client = client;
  }

  /**
   * Records the batch number and stores the samples not stored before, in one statement; a batch
   * number received before stores nothing.
   */
  Stored insert(
      UUID user,
      String device,
      long batchNumber,
      OffsetDateTime receivedAt,
      ReadingRules.ParsedBatch batch) {
    return jdbc.execute(
        (Connection connection) -> {
          try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, user);
            insert.setString(2, device);
            insert.setLong(3, batchNumber);
            insert.setInt(4, batch.size());
            insert.setObject(5, receivedAt);
            insert.setObject(6, user);
            insert.setString(7, device);
            insert.setArray(8, shorts(connection, batch.types()));
            insert.setArray(9, times(connection, batch));
            insert.setArray(10, doubles(connection, batch.values()));
            insert.setArray(11, doubles(connection, batch.lats()));
            insert.setArray(12, doubles(connection, batch.lngs()));
            try (ResultSet result = insert.executeQuery()) {
              result.next();
              return new Stored(result.getLong(1) == 1, (int) result.getLong(2));
            }
          }
        });
  }

  private static Array shorts(Connection connection, short[] values) throws SQLException {
    Short[] boxed = new Short[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return connection.createArrayOf("int2", boxed);
  }

  private static Array doubles(Connection connection, double[] values) throws SQLException {
    Double[] boxed = new Double[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return connection.createArrayOf("float8", boxed);
  }

  private static Array times(Connection connection, ReadingRules.ParsedBatch batch)
      throws SQLException {
    String[] times = new String[batch.size()];
    for (int i = 0; i < times.length; i++) {
      times[i] = batch.times()[i].toString(); // ISO-8601 UTC; cast to timestamptz in SQL
    }
    return connection.createArrayOf("text", times);
  }

  /**
   * Per day in {@code zone}, {@code from} to {@code to} inclusive: steps (the device that counted
   * most that day, so a watch and a phone are not added up), resting heart rate (the day's 5th
   * percentile), average and maximum heart rate, last weight; days without readings left out.
   */
  List<DailyReadings> daily(UUID user, ZoneId zone, LocalDate from, LocalDate to) {
    return client
        .sql(
            """
            with day_rows as (
              select (time at time zone :zone)::date as day, device_id, type, value, time
              from reading
              where user_id = :user and type in (1, 2, 8)
                and time >= :start and time < :end
            ),
            steps as (
              select day, max(device_steps) as steps
              from (select day, device_id, sum(value) as device_steps
                    from day_rows where type = 2 group by day, device_id) per_device
              group by day
            ),
            heart as (
              select day,
                     percentile_cont(0.05) within group (order by value) as resting,
                     avg(value) as average, max(value) as maximum
              from day_rows where type = 1 group by day
            ),
            weight as (
              select distinct on (day) day, value as weight
              from day_rows where type = 8 order by day, time desc
            )
            select coalesce(s.day, h.day, w.day) as day, s.steps, h.resting, h.average, h.maximum,
                   w.weight
            from steps s
            full join heart h on h.day = s.day
            full join weight w on w.day = coalesce(s.day, h.day)
            order by 1
            """)
        .param("zone", zone.getId())
        .param("user", user)
        .param("start", from.atStartOfDay(zone).toOffsetDateTime())
        .param("end", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
        .query(
            (rs, row) ->
                new DailyReadings(
                    rs.getObject("day", LocalDate.class),
                    rounded(rs.getObject("steps", Double.class)),
                    rounded(rs.getObject("resting", Double.class)),
                    rounded(rs.getObject("average", Double.class)),
                    rounded(rs.getObject("maximum", Double.class)),
                    rs.getObject("weight", Double.class)))
        .list();
  }

  private static Long rounded(Double value) {
    return value == null ? null : Math.round(value);
  }
}
