package io.stride.localstack;

import io.stride.infra.PhysicalBackup;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The local run's database backups (ADR 0022): {@code ./run-local.sh backup | backups | restore}
 * and the schedule the running stack keeps, all on {@link PhysicalBackup} with the WAL the local
 * PostgreSQL archives into {@code .stride-data/postgres-wal-archive}.
 */
final class LocalBackups {

  private LocalBackups() {}

  /** Runs a backup command; returns its exit code. */
  static int run(StackConfig config, List<String> arguments) {
    Path data = config.dataDirectory();
    Path backups = data.resolve("backups");
    Path archive = data.resolve("postgres-wal-archive");
    int keep = keep();
    switch (arguments.get(0)) {
      case "backup" -> {
        PGSimpleDataSource running = new PGSimpleDataSource();
        running.setUrl("jdbc:postgresql://127.0.0.1:" + config.postgresPort() + "/stride");
        running.setUser("postgres");
        long started = System.nanoTime();
        PhysicalBackup.Backup backup =
            PhysicalBackup.take(running, data.resolve("postgres"), backups);
        PhysicalBackup.prune(backups, archive, keep);
        System.out.printf(
            "backup %s done in %.1f s (keeping the newest %d)%n",
            backup.name(), (System.nanoTime() - started) / 1e9, keep);
      }
      case "backups" -> {
        List<PhysicalBackup.Backup> all = PhysicalBackup.list(backups);
        all.forEach(backup -> System.out.println(backup.name() + "  " + backup.started()));
        if (all.isEmpty()) {
          System.out.println("no backups in " + backups);
        }
      }
      case "restore" -> {
        List<PhysicalBackup.Backup> all = PhysicalBackup.list(backups);
        String choice =
            arguments.size() > 1 && !arguments.get(1).startsWith("--")
                ? arguments.get(1)
                : "latest";
        Optional<Instant> target = Optional.empty();
        int to = arguments.indexOf("--to");
        if (to >= 0 && to + 1 < arguments.size()) {
          target = Optional.of(Instant.parse(arguments.get(to + 1)));
        }
        PhysicalBackup.Backup backup =
            choice.equals("latest")
                ? all.stream().reduce((first, second) -> second).orElse(null)
                : all.stream().filter(b -> b.name().equals(choice)).findFirst().orElse(null);
        if (backup == null) {
          System.err.println(
              "no backup " + choice + " in " + backups + " (./run-local.sh backups lists them)");
          return 2;
        }
        PhysicalBackup.prepareRestore(backup, data.resolve("postgres"), archive, target);
        System.out.println(
            "restored "
                + backup.name()
                + target.map(time -> " up to " + time).orElse("")
                + ": ./run-local.sh replays the archived WAL when it starts PostgreSQL");
      }
      default -> {
        System.err.println(
            "usage: ./run-local.sh [backup | backups | restore [NAME|latest] [--to 2026-12-02T09:41:00Z]]");
        return 2;
      }
    }
    return 0;
  }

  /**
   * Takes a backup every STRIDE_BACKUP_INTERVAL (ISO-8601, default PT24H) while the stack runs, the
   * first at once when the newest is older than that.
   */
  static ScheduledExecutorService schedule(LocalStack stack) {
    Duration every =
        Duration.parse(System.getenv().getOrDefault("STRIDE_BACKUP_INTERVAL", "PT24H"));
    Optional<Instant> newest =
        PhysicalBackup.list(stack.backupDirectory()).stream()
            .map(PhysicalBackup.Backup::started)
            .reduce((first, second) -> second);
    long firstIn =
        newest
            .map(time -> Math.max(0, Duration.between(Instant.now(), time.plus(every)).toSeconds()))
            .orElse(0L);
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "stride-backups");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.scheduleAtFixedRate(
        () -> {
          try {
            PhysicalBackup.Backup backup = stack.backUpDatabase(keep());
            System.out.println("[backups] " + backup.name() + " taken; next in " + every);
          } catch (RuntimeException e) {
            System.err.println("[backups] the scheduled backup failed: " + e.getMessage());
          }
        },
        firstIn,
        every.toSeconds(),
        TimeUnit.SECONDS);
    return scheduler;
  }

  private static int keep() {
    return Integer.parseInt(System.getenv().getOrDefault("STRIDE_BACKUP_KEEP", "7"));
  }
}
