package io.stride.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server run from the binaries on Maven Central (zonky). With a data directory
 * the data survives restarts; without one it lives in a temporary folder.
 */
public final class PostgresServer implements AutoCloseable {

  public static final String DATABASE = "stride";
  public static final String USER = "postgres";

  private final EmbeddedPostgres postgres;

  private PostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts PostgreSQL.
   *
   * @param dataDirectory where data lives between runs, or {@code null} for a throw-away cluster
   * @param port the port to listen on, {@code 0} for any free port
   */
  public static PostgresServer start(Path dataDirectory, int port) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setPort(port == 0 ? FreePorts.find() : port)
              .setServerConfig("max_connections", "300")
              .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
              .setServerConfig("synchronous_commit", dataDirectory == null ? "off" : "on");
      if (dataDirectory != null) {
        Files.createDirectories(dataDirectory);
        builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
      }
      PostgresServer server = new PostgresServer(builder.start());
      server.createDatabaseIfMissing();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start", e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
  }

  public DataSource dataSource() {
    return postgres.getDatabase(USER, DATABASE);
  }

  private void createDatabaseIfMissing() {
    DataSource admin = postgres.getPostgresDatabase();
    try (Connection connection = admin.getConnection();
        Statement statement = connection.createStatement()) {
      var exists =
          statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
      if (!exists.next()) {
        statement.execute("create database " + DATABASE);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + DATABASE, e);
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
