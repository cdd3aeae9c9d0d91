package io.stride.promo.redemptions;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A code to redeem, as the athlete typed it (case, spaces and dashes do not matter). */
record RedemptionRequest(@Schema(example = "7KQ2M-XH4PD") @NotBlank @Size(max = 64) String code) {}
