package io.stride.workout.readings;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes a batch as one statement: the samples travel as five arrays and {@code unnest} turns them
 * into rows, so 5,000 samples cost one round trip and one plan; {@code on conflict do nothing}
 * drops samples stored before (same user, type, time and device).
 */
@Repository
class ReadingStore {

  private static final String INSERT =
      """
      insert into reading (user_id, device_id, type, time, value, lat, lng)
      select ?, ?, t, ts, nullif(v, 'NaN'), nullif(la, 'NaN'), nullif(lo, 'NaN')
      from unnest(?::smallint[], (?::text[])::timestamptz[], ?::float8[], ?::float8[], ?::float8[])
           as s(t, ts, v, la, lo)
      on conflict do nothing
      """;

  private final JdbcTemplate jdbc;

  ReadingStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the samples not stored before; returns how many were new. */
  int insert(UUID user, String device, ReadingRules.ParsedBatch batch) {
    return jdbc.execute(
        (Connection connection) -> {
          try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, user);
            insert.setString(2, device);
            insert.setArray(3, shorts(connection, batch.types()));
            insert.setArray(4, times(connection, batch));
            insert.setArray(5, doubles(connection, batch.values()));
            insert.setArray(6, doubles(connection, batch.lats()));
            insert.setArray(7, doubles(connection, batch.lngs()));
            return insert.executeUpdate();
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
}
