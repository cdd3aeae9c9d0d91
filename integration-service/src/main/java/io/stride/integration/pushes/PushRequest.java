package io.stride.integration.pushes;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An activity file a partner pushes for an athlete who connected its app and let it add workouts.
 *
 * @param athleteId the athlete's Stride id (the {@code sub} of the tokens the partner holds)
 * @param externalId the partner's own id of the activity: a second push of it answers the first
 * @param fileName the file's name, shown to the athlete with the import
 * @param file the FIT, GPX or TCX file (gzip-compressed or not), base64-encoded; at most 6 MiB
 * @param sport the sport, when the file does not say or says it wrongly (Stride's names)
 */
record PushRequest(
    @Schema(example = "6f1c3f0e-2b7a-4d55-9a43-0d4e8f9b1c21") @NotNull UUID athleteId,
    @Schema(example = "activity-48213377") @NotBlank @Size(max = 100) String externalId,
    @Schema(example = "morning-run.fit") @Size(min = 1, max = 255) @Nullable String fileName,
    @Schema(example = "LhAAAAAAAAAuRklUAAAA", format = "byte") @NotBlank String file,
    @Schema(example = "run") @Pattern(regexp = "^[A-Za-z_]{2,30}$") @Nullable String sport) {}
