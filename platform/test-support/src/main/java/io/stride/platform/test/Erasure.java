package io.stride.platform.test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Proves an erasure: looks at every table of a schema (from information_schema, so a table added
 * later is covered without touching the test) and fails naming each table and column where the
 * user's id is still found — in a uuid column by value, in a text, varchar, json or jsonb column as
 * text anywhere in the value.
 */
public final class Erasure {

  private static final Set<String> TEXT_TYPES =
      Set.of("text", "character varying", "character", "json", "jsonb");

  private Erasure() {}

  /** Fails if any column of any table in {@code schema} still holds {@code userId}. */
  public static void assertNoRowsOf(DataSource database, String schema, UUID userId) {
    assertNoRowsOf(database, schema, userId, Set.of());
  }

  /**
   * Like {@link #assertNoRowsOf(DataSource, String, UUID)}, skipping {@code exemptTables} (e.g. the
   * producer's outbox, which holds the {@code UserDeleted} announcement itself until it expires).
   */
  public static void assertNoRowsOf(
      DataSource database, String schema, UUID userId, Set<String> exemptTables) {
    List<String> found = findRowsOf(database, schema, userId, exemptTables);
    if (!found.isEmpty()) {
      throw new AssertionError(
          "User " + userId + " is still in schema " + schema + ": " + String.join(", ", found));
    }
  }

  /** Where {@code userId} is still found, as {@code table.column (n rows)}. */
  public static List<String> findRowsOf(
      DataSource database, String schema, UUID userId, Set<String> exemptTables) {
    List<String> found = new ArrayList<>();
    try (Connection connection = database.getConnection()) {
      List<String[]> columns = columns(connection, schema);
      if (columns.isEmpty()) {
        throw new AssertionError(
            "Schema " + schema + " has no column that could hold a user id: is the name right?");
      }
      for (String[] column : columns) {
        String table = column[0];
        String name = column[1];
        // erased_user is the erasure's own record: the id alone, so nothing comes back
        if (exemptTables.contains(table) || table.equals("erased_user")) {
          continue;
        }
        boolean uuid = column[2].equals("uuid");
        String sql =
            "select count(*) from "
                + quote(schema)
                + "."
                + quote(table)
                + " where "
                + (uuid ? quote(name) + " = ?::uuid" : quote(name) + "::text like ?");
        try (PreparedStatement count = connection.prepareStatement(sql)) {
          count.setString(1, uuid ? userId.toString() : "%" + userId + "%");
          try (ResultSet rows = count.executeQuery()) {
            rows.next();
            long n = rows.getLong(1);
            if (n > 0) {
              found.add(table + "." + name + " (" + n + " rows)");
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not search schema " + schema, e);
    }
    return found;
  }

  private static List<String[]> columns(Connection connection, String schema) throws SQLException {
    List<String[]> columns = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "select c.table_name, c.column_name, c.data_type from information_schema.columns c"
                + " join information_schema.tables t"
                + " on t.table_schema = c.table_schema and t.table_name = c.table_name"
                + " where c.table_schema = ? and t.table_type = 'BASE TABLE'"
                + " order by c.table_name, c.ordinal_position")) {
      query.setString(1, schema);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          String type = rows.getString(3);
          if (type.equals("uuid") || TEXT_TYPES.contains(type)) {
            columns.add(new String[] {rows.getString(1), rows.getString(2), type});
          }
        }
      }
    }
    return columns;
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
