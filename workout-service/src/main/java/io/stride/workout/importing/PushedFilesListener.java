package io.stride.workout.importing;

import io.stride.contracts.integration.ActivityFileReceived;
import io.stride.contracts.workout.ImportFailed;
import io.stride.platform.events.EventHandler;
import io.stride.platform.events.EventPublisher;
import io.stride.platform.events.MalformedEventException;
import io.stride.workout.importing.PushedFile.Accepted;
import io.stride.workout.importing.PushedFile.Decoded;
import io.stride.workout.importing.PushedFile.Refused;
import io.stride.workout.importing.formats.ActivityFiles;
import io.stride.workout.metrics.Sport;
import io.stride.workout.visibility.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Imports the files partners' apps push for athletes (integration-service's {@code
 * ActivityFileReceived}) as uploads are imported: the import (id = the event's {@code importId}, so
 * a redelivered push creates nothing twice) and its original are stored in the inbox's transaction
 * and processed after commit by {@link ImportQueue}. A push whose file cannot be had (not base64,
 * not gzip, too large once decompressed, another SHA-256) is stored as failed with the reason, and
 * {@code ImportFailed} published in the same transaction; nothing is thrown, since no retry would
 * make that file readable.
 */
@Component
class PushedFilesListener {

  private static final Logger log = LoggerFactory.getLogger(PushedFilesListener.class);

  /** The name of a pushed file its sender did not name, before its format's extension. */
  static final String UNNAMED = "pushed-activity";

  private final JdbcClient jdbc;
  private final OriginalFiles originals;
  private final ImportQueue queue;
  private final EventPublisher events;
  private final ImportProperties properties;
  private final Clock clock;

  PushedFilesListener(
      JdbcClient jdbc,
      OriginalFiles originals,
      ImportQueue queue,
      EventPublisher events,
      ImportProperties properties,
      Clock clock) {
    this.jdbc = jdbc;
    this.originals = originals;
    this.queue = queue;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  @EventHandler
  void on(ActivityFileReceived event) {
    if (event.importId() == null || event.userId() == null) {
      throw new MalformedEventException("ActivityFileReceived without importId or userId");
    }
    Decoded file =
        PushedFile.decode(event.gzipBase64(), event.sha256(), properties.maxFileSize().toBytes());
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as timestamptz keeps it
    if (file instanceof Accepted accepted) {
      String fileName = fileName(event, ActivityFiles.formatOf(accepted.content()));
      if (created(event, fileName, accepted.content().length, accepted.sha256(), null, now)) {
        originals.keep(event.importId(), accepted.content());
        queue.submitAfterCommit(event.importId());
      }
    } else if (file instanceof Refused refused) {
      String fileName = fileName(event, "unknown");
      String reason = shown(refused.reasonFrom(event.origin()));
      if (created(event, fileName, refused.sizeBytes(), refused.sha256(), reason, now)) {
        log.info("Pushed import {} refused: {}", event.importId(), reason);
        events.publish(new ImportFailed(event.userId(), event.importId(), fileName, reason, now));
      }
    }
  }

  /**
   * Creates the import, queued, or failed with {@code reason}; false when it exists already (the
   * push came again), and then nothing else is done.
   */
  private boolean created(
      ActivityFileReceived event,
      String fileName,
      int sizeBytes,
      String sha256,
      String reason,
      Instant now) {
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    boolean created =
        jdbc.sql(
                    """
                insert into workout_import (id, owner_id, status, file_name, requested_sport,
                    size_bytes, sha256, reason, created_at, finished_at, origin, external_id,
                    requested_title, requested_visibility)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do nothing
                """)
                .params(
                    event.importId(),
                    event.userId(),
                    reason == null ? "QUEUED" : "FAILED",
                    fileName,
                    requestedSport(event),
                    sizeBytes,
                    sha256,
                    reason,
                    at,
                    reason == null ? null : at,
                    event.origin(),
                    event.externalId(),
                    requestedTitle(event),
                    requestedVisibility(event))
                .update()
            == 1;
    if (!created) {
      log.info("Pushed import {} exists already; the push came again", event.importId());
    }
    return created;
  }

  /** The sport the sender names, if Stride knows it; otherwise what the file says. */
  private static String requestedSport(ActivityFileReceived event) {
    Sport sport = Sport.fromApiName(event.sport());
    if (sport == null && event.sport() != null) {
      log.info("Pushed import {} names an unknown sport; the file's is used", event.importId());
    }
    return sport == null ? null : sport.name();
  }

  /** The activity's title where it came from: control characters out, trimmed, 200 at most. */
  private static String requestedTitle(ActivityFileReceived event) {
    if (event.title() == null) {
      return null;
    }
    String title = event.title().replaceAll("\\p{Cntrl}", " ").strip();
    if (title.isEmpty()) {
      return null;
    }
    return title.codePointCount(0, title.length()) <= 200
        ? title
        : title.substring(0, title.offsetByCodePoints(0, 200)).strip();
  }

  /** Who could see it where it came from, if Stride knows the word; null otherwise. */
  private static String requestedVisibility(ActivityFileReceived event) {
    Visibility visibility = Visibility.fromApiName(event.visibility());
    return visibility == null ? null : visibility.name();
  }

  /** The sender's name for the file, else {@code pushed-activity} with its format's extension. */
  private static String fileName(ActivityFileReceived event, String format) {
    String named = ImportService.clean(event.fileName());
    if (named != null && !named.isEmpty()) {
      return named;
    }
    return format.equals("unknown") ? UNNAMED : UNNAMED + "." + format;
  }

  private static String shown(String reason) {
    return reason.length() <= 500 ? reason : reason.substring(0, 500);
  }
}
