package io.stride.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Every table of the given schemas as its row count and a checksum of its rows (md5 of the rows'
 * text in a fixed order), read in one snapshot: two fingerprints are equal only if every row is.
 */
final class DatabaseFingerprint {

  /** One table's rows. */
  record Table(long rows, String checksum) {}

  private DatabaseFingerprint() {}

  /** {@code schema.table} → its rows, for every table of {@code schemas}. */
  static Map<String, Table> of(DataSource database, List<String> schemas) throws SQLException {
    Map<String, Table> tables = new TreeMap<>();
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
      try (Statement statement = connection.createStatement()) {
        for (String table : tablesOf(statement, schemas)) {
          try (ResultSet result =
              statement.executeQuery(
                  "select count(*), md5(coalesce(string_agg(t::text, E'\\n' order by t::text), ''))"
                      + " from "
                      + table
                      + " t")) {
            result.next();
            tables.put(table, new Table(result.getLong(1), result.getString(2)));
          }
        }
      } finally {
        connection.rollback();
      }
    }
    return tables;
  }

  /** Rows per schema, summed over its tables. */
  static Map<String, Long> rowsPerSchema(Map<String, Table> fingerprint) {
    Map<String, Long> rows = new TreeMap<>();
    fingerprint.forEach(
        (table, content) ->
            rows.merge(table.substring(0, table.indexOf('.')), content.rows(), Long::sum));
    return rows;
  }

  private static List<String> tablesOf(Statement statement, List<String> schemas)
      throws SQLException {
    List<String> tables = new ArrayList<>();
    for (String schema : schemas) {
      if (!schema.matches("[a-z_]+")) {
        throw new IllegalArgumentException("not a schema name: " + schema);
      }
      try (ResultSet result =
          statement.executeQuery(
              "select table_name from information_schema.tables where table_schema = '"
                  + schema
                  + "' and table_type = 'BASE TABLE' order by table_name")) {
        while (result.next()) {
          tables.add(schema + ".\"" + result.getString(1) + "\"");
        }
      }
    }
    return tables;
  }
}
