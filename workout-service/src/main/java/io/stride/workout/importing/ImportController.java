package io.stride.workout.importing;

import io.stride.platform.security.CurrentUser;
import io.stride.workout.config.WorkoutApiDocs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * File upload: {@code multipart/form-data} with the file in part {@code file} (GPX, TCX or FIT,
 * optionally gzip'd, up to 25 MB) and optionally the {@code sport} when the file does not say or
 * says it wrong. Answers 202 with the import to poll.
 */
@Tag(name = "Imports")
@RestController
@RequestMapping("/api/v1/workouts/imports")
class ImportController {

  private final ImportService imports;

  ImportController(ImportService imports) {
    this.imports = imports;
  }

  @Operation(
      operationId = "uploadActivityFile",
      summary = "Upload a GPX, TCX or FIT file; processed in the background")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<ImportResponse> upload(
      CurrentUser user,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestPart(name = "file")
          @Parameter(description = "The activity file: GPX, TCX or FIT, optionally gzip'd")
          MultipartFile file,
      @RequestParam(required = false) @Parameter(schema = @Schema(ref = WorkoutApiDocs.SPORT))
          String sport) {
    ImportResponse accepted =
        imports.accept(user.id(), file.getOriginalFilename(), bytes(file), sport, idempotencyKey);
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/workouts/imports/" + accepted.id()))
        .body(accepted);
  }

  @Operation(operationId = "getImport", summary = "Where an upload stands, and the workout it made")
  @GetMapping("/{id}")
  ImportResponse status(CurrentUser user, @PathVariable UUID id) {
    return imports.status(user.id(), id);
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
