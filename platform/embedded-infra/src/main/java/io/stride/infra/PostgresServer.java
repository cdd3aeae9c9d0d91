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
  private final Path dataDirectory;

  private PostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
  }

  /**
   * Starts PostgreSQL.
   *
   * @param dataDirectory where data lives between runs, or {@code null} for a throw-away cluster
   * @param port the port to listen on, {@code 0} for any free port
   */
  public static PostgresServer start(Path dataDirectory, int port) {
    return start(dataDirectory, port, null);
  }

  /**
   * Starts PostgreSQL archiving every finished WAL segment into {@code walArchive} (at least once a
   * minute while there are writes), which {@link PhysicalBackup} restores need (ADR 0022).
   *
   * @param walArchive where WAL segments are copied, or {@code null} for no archiving
   */
  public static PostgresServer start(Path dataDirectory, int port, Path walArchive) {
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
      if (walArchive != null) {
        String archive = walArchive.toAbsolutePath().toString();
        if (archive.matches(".*[\\s'\"].*")) {
          // the embedded server takes its settings on one command line, split at spaces
          throw new IllegalArgumentException(
              "the WAL archive's path may not hold spaces or quotes: " + archive);
        }
        Files.createDirectories(walArchive);
        builder
            .setServerConfig("wal_level", "replica")
            .setServerConfig("archive_mode", "on")
            .setServerConfig("archive_library", "basic_archive")
            .setServerConfig("basic_archive.archive_directory", archive)
            .setServerConfig("archive_timeout", "60");
      }
      PostgresServer server = new PostgresServer(builder.start(), dataDirectory);
      server.createDatabaseIfMissing();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start", e);
    }
  }

  /** Its data directory, or {@code null} for a throw-away cluster. */
  public Path dataDirectory() {
    return dataDirectory;
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

  /**
   * Makes {@code role} a login role (no superuser, no createdb, no createrole) that owns schema
   * {@code role} and everything in it, as in production where each service logs in as its own role
   * (ADR 0018): a service then cannot touch another's schema. Objects an earlier run created as the
   * superuser are handed over; running it again changes nothing but the password.
   */
  public void ensureServiceRole(String role, String password) {
    if (!role.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a plain role name: " + role);
    }
    try (Connection connection = dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      var exists = statement.executeQuery("select 1 from pg_roles where rolname = '" + role + "'");
      boolean found = exists.next();
      exists.close();
      String options = " login nosuperuser nocreatedb nocreaterole password '" + password + "'";
      statement.execute((found ? "alter role " : "create role ") + role + options);
      statement.execute("create schema if not exists " + role + " authorization " + role);
      statement.execute("alter schema " + role + " owner to " + role);
      // tables, views and free-standing sequences; a column's sequence follows its table
      statement.execute(
          "do $$ declare object record; begin for object in"
              + " select c.relname, c.relkind from pg_class c"
              + " join pg_namespace n on n.oid = c.relnamespace"
              + " where n.nspname = '"
              + role
              + "' and c.relkind in ('r', 'p', 'v', 'm', 'S')"
              + " and pg_get_userbyid(c.relowner) <> '"
              + role
              + "' and not exists (select 1 from pg_depend d where d.objid = c.oid"
              + " and d.deptype in ('a', 'i') and c.relkind = 'S')"
              + " loop execute format(case object.relkind when 'v' then 'alter view %I.%I owner to %I'"
              + " when 'm' then 'alter materialized view %I.%I owner to %I'"
              + " when 'S' then 'alter sequence %I.%I owner to %I'"
              + " else 'alter table %I.%I owner to %I' end, '"
              + role
              + "', object.relname, '"
              + role
              + "'); end loop; end $$");
    } catch (SQLException e) {
      throw new IllegalStateException("could not set up the role and schema " + role, e);
    }
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
