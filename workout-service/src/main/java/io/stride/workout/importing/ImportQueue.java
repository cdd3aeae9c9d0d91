package io.stride.workout.importing;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs imports on a small pool of worker threads (parsing is CPU work). Submitted right after the
 * upload commits; a sweep every few seconds also picks up imports still queued (the service was
 * restarted, the pool was busy) or processing for too long (their worker died), so none is stuck.
 * Claiming is atomic in the database, so several replicas can sweep the same table.
 */
@Component
class ImportQueue implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ImportQueue.class);

  /** A claim older than this is considered abandoned and is taken over. */
  static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

  private final ImportProperties properties;
  private final ImportProcessor processor;
  private final JdbcClient jdbc;
  private ExecutorService workers;
  private ScheduledExecutorService sweeper;

  ImportQueue(ImportProperties properties, ImportProcessor processor, JdbcClient jdbc) {
    this.properties = properties;
    this.processor = processor;
    this.jdbc = jdbc;
  }

  void submit(UUID importId) {
    ExecutorService pool = workers;
    if (pool == null) {
      return; // not started yet or stopping: the next sweep takes it
    }
    try {
      pool.execute(() -> processor.process(importId));
    } catch (RejectedExecutionException stopping) {
      log.info("Import {} left queued for the next start", importId);
    }
  }

  /**
   * Submits an import created in the current transaction once it commits (a rollback leaves nothing
   * to process).
   */
  void submitAfterCommit(UUID importId) {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            submit(importId);
          }
        });
  }

  void sweep() {
    try {
      for (UUID id :
          jdbc.sql(
                  """
                  select id from workout_import
                  where (status = 'QUEUED' and created_at < now() - interval '3 seconds')
                     or (status = 'PROCESSING' and started_at < now() - make_interval(secs => ?))
                  order by created_at limit 100
                  """)
              .param(ABANDONED_AFTER.toSeconds())
              .query(UUID.class)
              .list()) {
        submit(id);
      }
    } catch (RuntimeException e) {
      log.warn("Import sweep failed; trying again at the next one", e);
    }
  }

  @Override
  public void start() {
    AtomicInteger number = new AtomicInteger();
    workers =
        Executors.newFixedThreadPool(
            properties.workers(),
            runnable -> {
              Thread thread = new Thread(runnable, "import-" + number.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    sweeper =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "import-sweep");
              thread.setDaemon(true);
              return thread;
            });
    long interval = properties.sweepInterval().toMillis();
    sweeper.scheduleWithFixedDelay(this::sweep, interval, interval, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    sweeper.shutdownNow();
    workers.shutdown();
    try {
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers = null;
  }

  @Override
  public boolean isRunning() {
    return workers != null;
  }
}
