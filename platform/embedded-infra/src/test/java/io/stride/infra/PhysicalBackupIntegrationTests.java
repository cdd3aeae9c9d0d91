package io.stride.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base backups and point-in-time restores of a real PostgreSQL with its WAL archived (ADR 0022).
 */
class PhysicalBackupIntegrationTests {

  @TempDir Path folder;

  @Test
  void aRestoreToAMomentAfterTheBackupHasTheRowsWrittenUntilThenAndNotTheDropThatFollowed()
      throws Exception {
    Path data = folder.resolve("data");
    Path archive = folder.resolve("wal");
    Path backups = folder.resolve("backups");
    PostgresServer server = PostgresServer.start(data, 0, archive);
    int port = server.port();
    PhysicalBackup.Backup backup;
    Instant beforeTheDrop;
    try {
      sql(server, "create table runs (id int primary key, km numeric)");
      sql(server, "insert into runs select i, i * 1.5 from generate_series(1, 1000) i");
      backup = PhysicalBackup.take(server.dataSource(), data, backups);
      // written after the backup: only the archived WAL has it
      sql(server, "insert into runs select i, i * 2 from generate_series(1001, 1500) i");
      beforeTheDrop = Instant.now();
      sql(server, "drop table runs");
      sql(server, "select pg_switch_wal()");
      awaitArchived(server);
    } finally {
      server.close();
    }
    assertThat(PhysicalBackup.list(backups)).containsExactly(backup);

    PhysicalBackup.prepareRestore(backup, data, archive, Optional.of(beforeTheDrop));
    PostgresServer restored = PostgresServer.start(data, port, archive);
    try {
      assertThat(count(restored, "select count(*) from runs")).isEqualTo(1500);
      assertThat(count(restored, "select count(*) from runs where id > 1000")).isEqualTo(500);
      // open for writes again, on a new timeline
      sql(restored, "insert into runs values (1501, 3)");
    } finally {
      restored.close();
    }
    PhysicalBackup.forgetReplaced(data);
    assertThat(data.resolveSibling("data.before-restore")).doesNotExist();
  }

  @Test
  void pruningKeepsTheNewestBackupsAndTheWalTheOldestOfThemNeeds() throws Exception {
    Path data = folder.resolve("data");
    Path archive = folder.resolve("wal");
    Path backups = folder.resolve("backups");
    try (PostgresServer server = PostgresServer.start(data, 0, archive)) {
      sql(server, "create table t (i int)");
      PhysicalBackup.Backup first = PhysicalBackup.take(server.dataSource(), data, backups);
      sql(server, "insert into t values (1)");
      sql(server, "select pg_switch_wal()");
      awaitArchived(server);
      // backup names have a one-second resolution
      while (Instant.now().getEpochSecond() == first.started().getEpochSecond()) {
        Thread.onSpinWait();
      }
      PhysicalBackup.Backup second = PhysicalBackup.take(server.dataSource(), data, backups);

      assertThat(PhysicalBackup.prune(backups, archive, 1)).containsExactly(first);
      assertThat(PhysicalBackup.list(backups)).containsExactly(second);
      String oldestNeeded = PhysicalBackup.startWalFile(second.directory());
      try (Stream<Path> files = Files.list(archive)) {
        assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.length() == 24))
            .isNotEmpty()
            .allSatisfy(name -> assertThat(name).isGreaterThanOrEqualTo(oldestNeeded));
      }
      assertThatThrownBy(() -> PhysicalBackup.prune(backups, archive, 0))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aRestoreRefusesADataDirectoryPostgresStillRuns() throws Exception {
    Path data = folder.resolve("data");
    try (PostgresServer server = PostgresServer.start(data, 0, folder.resolve("wal"))) {
      PhysicalBackup.Backup backup =
          PhysicalBackup.take(server.dataSource(), data, folder.resolve("backups"));
      assertThatThrownBy(
              () ->
                  PhysicalBackup.prepareRestore(
                      backup, data, folder.resolve("wal"), Optional.empty()))
          .hasMessageContaining("still running");
    }
  }

  private static void awaitArchived(PostgresServer server) throws SQLException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (count(
            server,
            "select count(*) from pg_stat_archiver where last_archived_wal is not null"
                + " and last_archived_wal >= pg_walfile_name(pg_current_wal_lsn() - 1)")
        == 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the WAL was not archived within 30 s");
      }
      Thread.onSpinWait();
    }
  }

  private static void sql(PostgresServer server, String sql) throws SQLException {
    try (Connection connection = server.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long count(PostgresServer server, String sql) throws SQLException {
    try (Connection connection = server.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
