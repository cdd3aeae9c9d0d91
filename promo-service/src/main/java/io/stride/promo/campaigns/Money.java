package io.stride.promo.campaigns;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/** An amount of money in an ISO 4217 currency, two decimals at most. */
@Schema(name = "Money")
public record Money(
    @Schema(example = "4.99") @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2)
        BigDecimal amount,
    @Schema(example = "EUR") @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {}
