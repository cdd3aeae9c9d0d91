package io.stride.promo.redemptions;

import io.stride.platform.security.CurrentUser;
import io.stride.promo.rewards.RewardViews.RewardView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Redeeming promo codes. */
@Tag(name = "Redemptions")
@RestController
@RequestMapping("/api/v1/promo/redemptions")
class RedemptionController {

  private final Redemptions redemptions;

  RedemptionController(Redemptions redemptions) {
    this.redemptions = redemptions;
  }

  @Operation(
      operationId = "redeemCode",
      summary =
          "Redeem a code: the reward at once; with Idempotency-Key a retry returns the first"
              + " answer")
  @ApiResponse(responseCode = "201", description = "Redeemed", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "403", description = "Not eligible; reasons says why")
  @ApiResponse(responseCode = "409", description = "Used up, or already redeemed by the caller")
  @ApiResponse(responseCode = "429", description = "Too many wrong codes; see Retry-After")
  @PostMapping
  ResponseEntity<RewardView> redeem(
      CurrentUser user,
      HttpServletRequest http,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody RedemptionRequest request) {
    RewardView reward =
        redemptions.redeem(
            user.id(),
            clientAddress(http),
            request.code(),
            idempotencyKey,
            LocaleContextHolder.getLocale());
    return ResponseEntity.created(URI.create("/api/v1/promo/me/rewards/" + reward.id()))
        .body(reward);
  }

  /**
   * The client's address: the gateway writes X-Forwarded-For with the one address it believes (its
   * ClientAddress), and only the gateway reaches the service (network policies); direct calls fall
   * back to the peer.
   */
  private static String clientAddress(HttpServletRequest http) {
    String forwarded = http.getHeader("X-Forwarded-For");
    if (forwarded != null && !forwarded.isBlank()) {
      String first = forwarded.split(",")[0].trim();
      return first.length() > 64 ? first.substring(0, 64) : first;
    }
    return http.getRemoteAddr();
  }
}
