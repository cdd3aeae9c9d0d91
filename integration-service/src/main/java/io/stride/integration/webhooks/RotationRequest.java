package io.stride.integration.webhooks;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

/**
 * A secret rotation (an endpoint's signing secret, a partner's push secret): how long the previous
 * secret keeps working (default 168 hours, 0 = not).
 */
public record RotationRequest(
    @Schema(example = "168") @Min(0) @Max(720) @Nullable Integer expiresInHours) {

  static final int DEFAULT_OVERLAP_HOURS = 7 * 24;

  /** The overlap {@code request} asks for, the default when it names none (or is absent). */
  public static int overlapHours(@Nullable RotationRequest request) {
    return request == null || request.expiresInHours() == null
        ? DEFAULT_OVERLAP_HOURS
        : request.expiresInHours();
  }
}
