package io.stride.workout.importing;

import io.stride.platform.idempotency.IdempotencyKeys;
import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.NotFoundException;
import io.stride.workout.metrics.Sport;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts uploads: the file and its import row are stored in one transaction and processing starts
 * after commit (and again after a restart, see {@link ImportQueue}), so an accepted file is never
 * lost and never stuck.
 */
@Service
class ImportService {

  private final ImportRepository imports;
  private final OriginalFiles originals;
  private final IdempotencyKeys idempotency;
  private final ImportQueue queue;
  private final Clock clock;

  ImportService(
      ImportRepository imports,
      OriginalFiles originals,
      IdempotencyKeys idempotency,
      ImportQueue queue,
      Clock clock) {
    this.imports = imports;
    this.originals = originals;
    this.idempotency = idempotency;
    this.queue = queue;
    this.clock = clock;
  }

  @Transactional
  ImportResponse accept(
      UUID owner, String fileName, byte[] content, String sport, String idempotencyKey) {
    if (content.length == 0) {
      throw InvalidRequestException.of("file", "is empty");
    }
    if (sport != null && Sport.fromApiName(sport) == null) {
      throw InvalidRequestException.of("sport", "unknown sport");
    }
    String hash = IdempotencyKeys.sha256(content);
    UUID id =
        idempotency.createOnce(
            owner,
            "import",
            idempotencyKey,
            hash + ":" + sport,
            () -> store(owner, fileName, content, hash, sport));
    return ImportResponse.of(imports.findById(id).orElseThrow());
  }

  private UUID store(UUID owner, String fileName, byte[] content, String hash, String sport) {
    WorkoutImport upload =
        new WorkoutImport(
            UUID.randomUUID(), owner, clean(fileName), content.length, hash, clock.instant());
    upload.requestSport(sport == null ? null : Sport.fromApiName(sport));
    imports.saveAndFlush(upload);
    originals.keep(upload.id(), content);
    queue.submitAfterCommit(upload.id());
    return upload.id();
  }

  @Transactional(readOnly = true)
  ImportResponse status(UUID owner, UUID id) {
    return imports
        .findById(id)
        .filter(i -> i.ownerId().equals(owner))
        .map(ImportResponse::of)
        .orElseThrow(() -> new NotFoundException("No import " + id + " of yours."));
  }

  /** A file name as imports keep it: its base name, without control characters, ≤ 255 chars. */
  static String clean(String fileName) {
    if (fileName == null || fileName.isBlank()) {
      return null;
    }
    String base = fileName.replaceAll("^.*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").trim();
    return base.length() <= 255 ? base : base.substring(base.length() - 255);
  }
}
