package io.stride.promo.codes;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What admins send to make codes and fill coupon pools, and what they get back. */
final class CodeRequests {

  private CodeRequests() {}

  /**
   * {@code single-use}: {@code count} new random codes, each redeemable once. {@code shared}: one
   * code ({@code code}, or a random one) redeemable {@code cap} times in all and {@code perAthlete}
   * times by one athlete.
   */
  record NewCodes(
      @Schema(
              example = "single-use",
              allowableValues = {"single-use", "shared"})
          @NotNull
          @Pattern(regexp = "single-use|shared")
          String kind,
      @Schema(example = "100000") @Min(1) @Max(100_000) @Nullable Integer count,
      @Schema(
              example = "WINTER-25",
              description =
                  "4 to 32 letters and digits; dashes and spaces may group them and are not part"
                      + " of the code")
          @Pattern(regexp = "(?:[ -]*[A-Za-z0-9]){4,32}[ -]*")
          @Size(max = 64)
          @Nullable String code,
      @Schema(example = "500") @Min(1) @Max(10_000_000) @Nullable Integer cap,
      @Schema(example = "1") @Min(1) @Max(100) @Nullable Integer perAthlete) {}

  /**
   * The codes made. They are shown this once: only their keyed hashes are stored.
   *
   * @param codes the codes as athletes type them (case and dashes do not matter)
   */
  record CodeBatch(
      UUID batchId, String kind, int count, int cap, int perAthlete, List<String> codes) {}

  record NewCoupons(
      @Schema(example = "[\"TSC-8F2K-19QA\", \"TSC-7Z1M-55PX\"]") @NotEmpty @Size(max = 10_000)
          List<@NotNull @Pattern(regexp = "[\\x21-\\x7E]{1,64}") String> codes) {}

  /**
   * @param added coupons new to the pool
   * @param duplicates coupons the pool already had
   * @param available coupons not given out yet
   */
  record CouponPool(int added, int duplicates, int available) {}
}
