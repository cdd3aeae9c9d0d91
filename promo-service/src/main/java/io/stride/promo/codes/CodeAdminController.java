package io.stride.promo.codes;

import io.stride.platform.security.CurrentUser;
import io.stride.promo.codes.CodeRequests.CodeBatch;
import io.stride.promo.codes.CodeRequests.CouponPool;
import io.stride.promo.codes.CodeRequests.NewCodes;
import io.stride.promo.codes.CodeRequests.NewCoupons;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins make a campaign's codes and fill its coupon pool (role ADMIN). */
@Tag(name = "Promotion admin")
@RestController
@RequestMapping("/api/v1/promo/admin/campaigns/{campaignId}")
class CodeAdminController {

  private final CodeAdmin admin;

  CodeAdminController(CodeAdmin admin) {
    this.admin = admin;
  }

  @Operation(
      operationId = "generateCodes",
      summary =
          "Make codes: up to 100,000 single-use codes, or one shared code with a cap and a"
              + " per-athlete limit; shown only in this answer")
  @ApiResponse(responseCode = "201", description = "Made", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such campaign")
  @ApiResponse(
      responseCode = "409",
      description = "The campaign ended, or the shared code is taken")
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/codes")
  CodeBatch generate(
      CurrentUser user, @PathVariable UUID campaignId, @Valid @RequestBody NewCodes request) {
    return admin.generate(user.id(), campaignId, request);
  }

  @Operation(
      operationId = "addCoupons",
      summary = "Add partner coupons to a partner-coupon campaign's pool (up to 10,000 a call)")
  @ApiResponse(responseCode = "200", description = "The pool now", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such campaign")
  @ApiResponse(responseCode = "409", description = "The campaign ended or gives no coupons")
  @PostMapping("/coupons")
  CouponPool addCoupons(
      CurrentUser user, @PathVariable UUID campaignId, @Valid @RequestBody NewCoupons request) {
    return admin.addCoupons(user.id(), campaignId, request);
  }
}
