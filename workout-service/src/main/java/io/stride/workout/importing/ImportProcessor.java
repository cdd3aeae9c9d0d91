package io.stride.workout.importing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stride.contracts.workout.ImportCompleted;
import io.stride.contracts.workout.ImportFailed;
import io.stride.platform.events.EventPublisher;
import io.stride.workout.activity.ParsedActivity;
import io.stride.workout.activity.RecordedActivity;
import io.stride.workout.importing.formats.UnreadableFileException;
import io.stride.workout.metrics.Sport;
import io.stride.workout.visibility.Visibility;
import io.stride.workout.workouts.WorkoutRecordings;
import io.stride.workout.workouts.WorkoutService;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns one queued import into a workout: claim it, read the file, compute the metrics, then in one
 * transaction either link it to the workout it duplicates or create the workout, and record the
 * outcome. Every path ends in done, duplicate or failed with a reason, and publishes {@code
 * ImportCompleted} (done, duplicate) or {@code ImportFailed} in the transaction that records it.
 */
@Component
class ImportProcessor {

  private static final Logger log = LoggerFactory.getLogger(ImportProcessor.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final WorkoutService workouts;
  private final WorkoutRecordings recordings;
  private final OriginalFiles originals;
  private final EventPublisher events;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Timer timer;

  ImportProcessor(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      WorkoutService workouts,
      WorkoutRecordings recordings,
      OriginalFiles originals,
      EventPublisher events,
      Clock clock,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.workouts = workouts;
    this.recordings = recordings;
    this.originals = originals;
    this.events = events;
    this.clock = clock;
    this.meters = meters;
    this.timer =
        Timer.builder("stride.workout.import.processing")
            .description("Time from claiming an import to its outcome")
            .publishPercentileHistogram()
            .register(meters);
  }

  void process(UUID importId) {
    Optional<Claim> claim = claim(importId);
    if (claim.isEmpty()) {
      return; // done already, or another worker has it
    }
    Timer.Sample sample = Timer.start();
    try {
      ParsedActivity parsed = originals.read(claim.get().owner(), originals.load(importId));
      transactions.executeWithoutResult(status -> finish(claim.get(), parsed));
    } catch (UnreadableFileException unreadable) {
      fail(importId, unreadable.getMessage());
      counted("unknown", "unreadable");
    } catch (RuntimeException e) {
      log.error("Import {} failed unexpectedly", importId, e);
      counted("unknown", "error");
      fail(
          importId,
          "An error on our side stopped this import; the file is kept so that it can be"
              + " processed again.");
    } finally {
      sample.stop(timer);
    }
  }

  private void finish(Claim claim, ParsedActivity parsed) {
    if (!stillOurs(claim)) {
      return; // erased with its owner (UserDeleted) or taken over while the file was read
    }
    Sport sport =
        claim.requestedSport() != null
            ? claim.requestedSport()
            : parsed.sport() != null ? parsed.sport() : Sport.OTHER;
    RecordedActivity activity =
        originals.toActivity(claim.owner(), claim.id(), sport, parsed, claim.requestedTitle());
    Optional<UUID> sameFile = sameFile(claim);
    Optional<UUID> original =
        sameFile.isPresent()
            ? sameFile
            : workouts.sameActivity(
                claim.owner(),
                parsed.startTime(),
                activity.metrics().elapsedSeconds(),
                activity.device());
    if (original.isPresent()) {
      complete(claim, "DUPLICATE", parsed.format(), original.get());
      return;
    }
    complete(
        claim, "DONE", parsed.format(), recordings.record(activity, claim.requestedVisibility()));
  }

  /**
   * Locks the import row for the rest of the transaction, if it is still ours to finish: an
   * athlete's erasure deletes imports before workouts, so it either waits for this workout and then
   * deletes it, or has deleted the import and no workout is recorded.
   */
  private boolean stillOurs(Claim claim) {
    return jdbc.sql(
            "select id from workout_import where id = ? and status = 'PROCESSING' for update")
        .param(claim.id())
        .query(UUID.class)
        .optional()
        .isPresent();
  }

  /** An earlier upload of the very same file that became (or was linked to) a workout. */
  private Optional<UUID> sameFile(Claim claim) {
    return jdbc.sql(
            """
            select i.workout_id from workout_import i join workout w on w.id = i.workout_id
            where i.owner_id = ? and i.sha256 = ? and i.id <> ? and i.status in ('DONE', 'DUPLICATE')
            limit 1
            """)
        .params(claim.owner(), claim.sha256(), claim.id())
        .query(UUID.class)
        .optional();
  }

  private Optional<Claim> claim(UUID importId) {
    return jdbc.sql(
            """
            update workout_import set status = 'PROCESSING', started_at = ?, attempts = attempts + 1
            where id = ? and (status = 'QUEUED'
                   or (status = 'PROCESSING' and started_at < now() - make_interval(secs => ?)))
            returning id, owner_id, sha256, requested_sport, requested_title, requested_visibility
            """)
        .params(now(), importId, ImportQueue.ABANDONED_AFTER.toSeconds())
        .query(
            (rs, row) ->
                new Claim(
                    rs.getObject("id", UUID.class),
                    rs.getObject("owner_id", UUID.class),
                    rs.getString("sha256"),
                    rs.getString("requested_sport") == null
                        ? null
                        : Sport.valueOf(rs.getString("requested_sport")),
                    rs.getString("requested_title"),
                    rs.getString("requested_visibility") == null
                        ? null
                        : Visibility.valueOf(rs.getString("requested_visibility"))))
        .optional();
  }

  /**
   * Imports by file format and outcome ({@code stride_workout_imports_total{format, outcome}}:
   * done, duplicate, unreadable, error), for the business dashboard.
   */
  private void counted(String format, String outcome) {
    Counter.builder("stride.workout.imports")
        .description("Imports by file format and outcome")
        .tag("format", format == null ? "unknown" : format.toLowerCase(java.util.Locale.ROOT))
        .tag("outcome", outcome)
        .register(meters)
        .increment();
  }

  /**
   * Records the outcome and publishes {@code ImportCompleted} with it, in the caller's transaction
   * (the one that recorded the workout, or found the one duplicated).
   */
  private void complete(Claim claim, String status, String format, UUID workoutId) {
    String outcome = status.toLowerCase(java.util.Locale.ROOT);
    counted(format, outcome);
    Instant completedAt = clock.instant().truncatedTo(ChronoUnit.MICROS); // as finished_at keeps it
    jdbc.sql(
            "update workout_import set status = ?, format = ?, workout_id = ?, finished_at = ?"
                + " where id = ?")
        .params(
            status,
            format,
            workoutId,
            OffsetDateTime.ofInstant(completedAt, ZoneOffset.UTC),
            claim.id())
        .update();
    events.publish(new ImportCompleted(claim.owner(), claim.id(), outcome, workoutId, completedAt));
  }

  /**
   * Marks the import failed with {@code reason} (words for the athlete: the import's page shows it)
   * and publishes {@code ImportFailed} with the same reason in the same transaction. An import no
   * longer being processed (erased with its owner, or finished by a worker that took it over) is
   * left as it is, and nothing is published.
   */
  private void fail(UUID importId, String reason) {
    String shown = reason.length() <= 500 ? reason : reason.substring(0, 500);
    Instant failedAt = clock.instant().truncatedTo(ChronoUnit.MICROS); // as finished_at keeps it
    transactions.executeWithoutResult(
        status ->
            jdbc.sql(
                    """
                    update workout_import set status = 'FAILED', reason = ?, finished_at = ?
                    where id = ? and status = 'PROCESSING'
                    returning owner_id, file_name
                    """)
                .params(shown, OffsetDateTime.ofInstant(failedAt, ZoneOffset.UTC), importId)
                .query(
                    (rs, row) ->
                        new ImportFailed(
                            rs.getObject("owner_id", UUID.class),
                            importId,
                            rs.getString("file_name"),
                            shown,
                            failedAt))
                .optional()
                .ifPresent(events::publish));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /**
   * @param requestedTitle the title it had where it came from, or null
   * @param requestedVisibility the most it may be shown to (where it came from), or null
   */
  private record Claim(
      UUID id,
      UUID owner,
      String sha256,
      Sport requestedSport,
      String requestedTitle,
      Visibility requestedVisibility) {}
}
