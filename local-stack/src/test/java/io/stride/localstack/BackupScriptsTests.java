package io.stride.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.ExternalCommand;
import io.stride.platform.test.MissingTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose stack's backup scripts (docker/backup, ADR 0022) run for real on folders shaped like
 * their volumes: the WAL file a backup starts in, pruning backups and the WAL only they needed, and
 * a restore laying a backup out for PostgreSQL's recovery. The backups themselves need the
 * containers' PostgreSQL 17 client (Debian's is 15, which refuses a newer server); the restore
 * drill of the system tests runs the same method on the local stack.
 */
class BackupScriptsTests {

  private static final Path SCRIPTS = ComposeFile.ROOT.resolve("docker/backup");

  @TempDir Path folder;

  @Test
  void theScriptsAreValidBash() {
    for (String script : List.of("backup-loop.sh", "backup-lib.sh", "restore.sh")) {
      ExternalCommand.Result result =
          ExternalCommand.run(
              folder, Duration.ofSeconds(10), "bash", "-n", SCRIPTS.resolve(script).toString());
      assertThat(result.succeeded()).as(script + ": " + result.describe()).isTrue();
    }
  }

  @Test
  void aBackupsStartWalFileIsComputedFromItsManifestsStartLsn() throws IOException {
    Path backup = backup("base-20261201T030000Z", 1, "1/AB000028");
    assertThat(lib("start_wal_file " + backup).output().strip())
        .isEqualTo("0000000100000001000000AB");
  }

  @Test
  void pruningKeepsTheNewestBackupsAndTheArchivedWalFromTheOldestKeptOn() throws IOException {
    if (!ExternalCommand.answers("pg_archivecleanup", "--version")) {
      MissingTool.skipOrFail(
          "pruning needs pg_archivecleanup (Debian: apt-get install postgresql-client)",
          "STRIDE_COMPOSE_TESTS");
    }
    backup("base-20261201T030000Z", 1, "0/2000028");
    backup("base-20261202T030000Z", 1, "0/5000028");
    backup("base-20261203T030000Z", 1, "0/9000028");
    Path archive = Files.createDirectories(folder.resolve("wal"));
    for (int segment = 1; segment <= 10; segment++) {
      Files.createFile(archive.resolve(String.format("0000000100000000%08X", segment)));
    }

    ExternalCommand.Result result = lib("prune 2");

    assertThat(result.succeeded()).as(result.describe()).isTrue();
    try (Stream<Path> kept = Files.list(folder.resolve("backups"))) {
      assertThat(kept.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("base-20261202T030000Z", "base-20261203T030000Z");
    }
    try (Stream<Path> wal = Files.list(archive)) {
      assertThat(wal.map(p -> p.getFileName().toString()).sorted())
          .as("the WAL from the oldest kept backup's start on")
          .containsExactly(
              "000000010000000000000005",
              "000000010000000000000006",
              "000000010000000000000007",
              "000000010000000000000008",
              "000000010000000000000009",
              "00000001000000000000000A");
    }
  }

  @Test
  void aRestoreLaysOutTheBackupForRecoveryToTheTargetAndKeepsTheDirectoryItReplaces()
      throws IOException {
    Path backup = backup("base-20261202T030000Z", 1, "0/5000028");
    Path content = Files.createDirectories(folder.resolve("content"));
    Files.writeString(content.resolve("PG_VERSION"), "17\n");
    Files.writeString(content.resolve("postgresql.auto.conf"), "# ALTER SYSTEM\n");
    tar(backup.resolve("base.tar.gz"), content);
    Path wal = Files.createDirectories(folder.resolve("walcontent"));
    Files.writeString(wal.resolve("000000010000000000000005"), "segment");
    tar(backup.resolve("pg_wal.tar.gz"), wal);
    Path pgdata = Files.createDirectories(folder.resolve("pgdata"));
    Files.writeString(pgdata.resolve("broken"), "the state to replace");

    ExternalCommand.Result result =
        script("restore.sh", "base-20261202T030000Z", "2026-12-02 09:41:00+00");

    assertThat(result.succeeded()).as(result.describe()).isTrue();
    assertThat(pgdata.resolve("PG_VERSION")).hasContent("17");
    assertThat(pgdata.resolve("pg_wal/000000010000000000000005")).exists();
    assertThat(pgdata.resolve("recovery.signal")).exists();
    assertThat(pgdata.resolve("broken")).doesNotExist();
    assertThat(Files.readString(pgdata.resolve("postgresql.auto.conf")))
        .contains("restore_command = 'cp " + folder.resolve("wal") + "/%f %p'")
        .contains("recovery_target_time = '2026-12-02 09:41:00+00'")
        .contains("recovery_target_action = 'promote'");
    try (Stream<Path> backups = Files.list(folder.resolve("backups"))) {
      assertThat(backups.map(p -> p.getFileName().toString()))
          .anyMatch(name -> name.startsWith("replaced-") && name.endsWith(".tar.gz"));
    }

    Files.writeString(pgdata.resolve("postmaster.pid"), "4242\n");
    ExternalCommand.Result refused = script("restore.sh", "latest");
    assertThat(refused.succeeded()).isFalse();
    assertThat(refused.output()).contains("still runs");
  }

  private Path backup(String name, int timeline, String startLsn) throws IOException {
    Path backup = Files.createDirectories(folder.resolve("backups").resolve(name));
    Files.writeString(
        backup.resolve("backup_manifest"),
        "{ \"PostgreSQL-Backup-Manifest-Version\": 2,\n\"WAL-Ranges\": [\n{ \"Timeline\": "
            + timeline
            + ", \"Start-LSN\": \""
            + startLsn
            + "\", \"End-LSN\": \""
            + startLsn
            + "\" }\n],\n\"Manifest-Checksum\": \"0\"}\n");
    return backup;
  }

  private void tar(Path archive, Path content) {
    ExternalCommand.Result result =
        ExternalCommand.run(
            folder,
            Duration.ofSeconds(10),
            "tar",
            "-czf",
            archive.toString(),
            "-C",
            content.toString(),
            ".");
    assertThat(result.succeeded()).as(result.describe()).isTrue();
  }

  private ExternalCommand.Result lib(String call) {
    return ExternalCommand.run(
        folder,
        environment(),
        Duration.ofSeconds(20),
        List.of("bash", "-c", "source " + SCRIPTS.resolve("backup-lib.sh") + " && " + call));
  }

  private ExternalCommand.Result script(String script, String... arguments) {
    List<String> command =
        new java.util.ArrayList<>(List.of("bash", SCRIPTS.resolve(script).toString()));
    command.addAll(List.of(arguments));
    return ExternalCommand.run(folder, environment(), Duration.ofSeconds(20), command);
  }

  private Map<String, String> environment() {
    return Map.of(
        "STRIDE_BACKUPS_DIR", folder.resolve("backups").toString(),
        "STRIDE_WAL_ARCHIVE", folder.resolve("wal").toString(),
        "STRIDE_PGDATA", folder.resolve("pgdata").toString(),
        "STRIDE_PGDATA_OWNER", System.getProperty("user.name"));
  }
}
