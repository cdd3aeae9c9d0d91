package io.stride.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Physical backups of the whole cluster with PostgreSQL's low-level backup API (ADR 0022): what
 * {@code pg_basebackup} does, for a server whose binaries (zonky's) ship without it. {@code
 * pg_backup_start}, a copy of the data directory, {@code pg_backup_stop}; the WAL the server
 * archives continuously ({@link PostgresServer#start(Path, int, Path)}) makes the copy consistent
 * and lets a restore stop at any moment after it (point in time).
 */
public final class PhysicalBackup {

  /** One base backup: its folder and when it started. */
  public record Backup(Path directory, Instant started) {
    public String name() {
      return directory.getFileName().toString();
    }
  }

  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("'base-'yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** PostgreSQL's timestamp input, to the microsecond it keeps. */
  private static final DateTimeFormatter RECOVERY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00'").withZone(ZoneOffset.UTC);

  private static final Pattern START_WAL =
      Pattern.compile("START WAL LOCATION: .* \\(file (\\w{24})\\)");
  private static final Pattern WAL_SEGMENT = Pattern.compile("[0-9A-F]{24}(\\.partial)?");

  /** Data-directory entries the documentation says a base backup leaves out (their content). */
  private static final Set<String> EMPTIED =
      Set.of(
          "pg_wal",
          "pg_replslot",
          "pg_dynshmem",
          "pg_notify",
          "pg_serial",
          "pg_snapshots",
          "pg_stat_tmp",
          "pg_subtrans");

  private static final Set<String> SKIPPED =
      Set.of("postmaster.pid", "postmaster.opts", "recovery.signal", "standby.signal");

  private PhysicalBackup() {}

  /**
   * Takes a base backup of the running server whose data directory is {@code dataDirectory} into a
   * new folder of {@code backups}; returns once the WAL it needs is archived.
   */
  public static Backup take(DataSource superuser, Path dataDirectory, Path backups) {
    Instant started = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Path target = backups.resolve(NAME.format(started));
    Path partial = backups.resolve(target.getFileName() + ".partial");
    try (Connection connection = superuser.getConnection();
        Statement statement = connection.createStatement()) {
      Files.createDirectories(backups);
      deleteTree(partial);
      statement.execute("select pg_backup_start('" + target.getFileName() + "', true)");
      try {
        copyDataDirectory(dataDirectory, partial);
      } catch (RuntimeException e) {
        statement.execute("select pg_backup_stop(false)");
        throw e;
      }
      try (ResultSet stop =
          statement.executeQuery("select labelfile, spcmapfile from pg_backup_stop(true)")) {
        stop.next();
        Files.writeString(partial.resolve("backup_label"), stop.getString(1));
        String tablespaces = stop.getString(2);
        if (tablespaces != null && !tablespaces.isEmpty()) {
          Files.writeString(partial.resolve("tablespace_map"), tablespaces);
        }
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      return new Backup(target, started);
    } catch (SQLException e) {
      throw new IllegalStateException("the base backup failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("the base backup failed", e);
    }
  }

  /** The complete backups in {@code backups}, oldest first. */
  public static List<Backup> list(Path backups) {
    if (!Files.isDirectory(backups)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(backups)) {
      List<Backup> found = new ArrayList<>();
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        if (name.startsWith("base-")
            && !name.endsWith(".partial")
            && Files.exists(entry.resolve("backup_label"))) {
          found.add(new Backup(entry, Instant.from(NAME.parse(name))));
        }
      }
      found.sort(Comparator.comparing(Backup::started));
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Keeps the newest {@code keep} backups and the archived WAL they need; deletes the rest. Returns
   * the backups deleted.
   */
  public static List<Backup> prune(Path backups, Path walArchive, int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep at least one backup, not " + keep);
    }
    List<Backup> all = list(backups);
    List<Backup> deleted = new ArrayList<>(all.subList(0, Math.max(0, all.size() - keep)));
    deleted.forEach(backup -> deleteTree(backup.directory()));
    List<Backup> kept = all.subList(deleted.size(), all.size());
    if (!kept.isEmpty() && Files.isDirectory(walArchive)) {
      String oldestNeeded = startWalFile(kept.get(0).directory());
      try (Stream<Path> files = Files.list(walArchive)) {
        for (Path file : files.toList()) {
          String name = file.getFileName().toString();
          // segments sort by timeline, log and segment; timeline history files are kept
          if (WAL_SEGMENT.matcher(name).matches()
              && name.substring(8, 24).compareTo(oldestNeeded.substring(8, 24)) < 0) {
            Files.deleteIfExists(file);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return deleted;
  }

  /**
   * Replaces the (stopped) server's data directory with {@code backup}, set to replay the archived
   * WAL up to {@code target} (or all of it), then open for writes on a new timeline. The next start
   * of the server does the recovery. The directory it replaces is kept beside it until then.
   */
  public static void prepareRestore(
      Backup backup, Path dataDirectory, Path walArchive, Optional<Instant> target) {
    if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
      throw new IllegalStateException(
          "PostgreSQL is still running on " + dataDirectory + ": stop it before a restore");
    }
    Path previous = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".before-restore");
    try {
      deleteTree(previous);
      if (Files.exists(dataDirectory)) {
        Files.move(dataDirectory, previous);
      }
      copyTree(backup.directory(), dataDirectory);
      Files.createDirectories(dataDirectory.resolve("pg_wal/archive_status"));
      StringBuilder recovery =
          new StringBuilder("\n# restore of ").append(backup.name()).append('\n');
      recovery
          .append("restore_command = 'cp \"")
          .append(walArchive.toAbsolutePath())
          .append("/%f\" \"%p\"'\n");
      target.ifPresent(
          time ->
              recovery
                  .append("recovery_target_time = '")
                  .append(RECOVERY_TIME.format(time))
                  .append("'\n")
                  .append("recovery_target_inclusive = true\n"));
      recovery.append("recovery_target_action = 'promote'\n");
      Files.writeString(
          dataDirectory.resolve("postgresql.auto.conf"),
          recovery.toString(),
          java.nio.file.StandardOpenOption.APPEND);
      Files.createFile(dataDirectory.resolve("recovery.signal"));
      // PostgreSQL refuses a data directory others can read
      setOwnerOnly(dataDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("the restore could not be prepared", e);
    }
  }

  /** Deletes the data directory a restore replaced, once the restored server runs. */
  public static void forgetReplaced(Path dataDirectory) {
    deleteTree(dataDirectory.resolveSibling(dataDirectory.getFileName() + ".before-restore"));
  }

  static String startWalFile(Path backup) {
    try {
      Matcher matcher = START_WAL.matcher(Files.readString(backup.resolve("backup_label")));
      if (!matcher.find()) {
        throw new IllegalStateException(backup + "/backup_label names no start WAL file");
      }
      return matcher.group(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyDataDirectory(Path source, Path target) {
    try (Stream<Path> tree = Files.walk(source)) {
      for (Path file : tree.toList()) {
        Path relative = source.relativize(file);
        if (relative.getNameCount() == 0) {
          Files.createDirectories(target);
          continue;
        }
        String top = relative.getName(0).toString();
        if (SKIPPED.contains(top) && relative.getNameCount() == 1) {
          continue;
        }
        if (EMPTIED.contains(top) && relative.getNameCount() > 1) {
          continue;
        }
        copyOne(file, target.resolve(relative.toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> tree = Files.walk(source)) {
      for (Path file : tree.toList()) {
        copyOne(file, target.resolve(source.relativize(file).toString()));
      }
    }
  }

  /** Copies a file or makes a directory; a file the server removed meanwhile is skipped. */
  private static void copyOne(Path file, Path target) throws IOException {
    try {
      if (Files.isDirectory(file)) {
        Files.createDirectories(target);
      } else {
        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
      }
    } catch (NoSuchFileException | FileAlreadyExistsException gone) {
      // a temporary file or a dropped relation: WAL replay accounts for it
    }
  }

  private static void setOwnerOnly(Path directory) throws IOException {
    try {
      Files.setPosixFilePermissions(
          directory, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: PostgreSQL does not check
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(root)) {
      for (Path file : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + root, e);
    }
  }
}
