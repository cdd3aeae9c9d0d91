package io.stride.integration.pushes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where partners push athletes' activity files. No token: each request is signed with the partner's
 * push secret (Standard Webhooks, as Stride signs the webhooks it sends), checked by {@link
 * PushSignatureFilter} before it gets here.
 */
@Tag(name = "Partner pushes")
@RestController
@RequestMapping("/api/v1/partner-pushes/{partnerId}/workouts")
class PushController {

  private static final String SIGNED =
      "Signed, not token-authenticated: webhook-signature holds v1,<base64 HMAC-SHA256 of"
          + " \"webhook-id.webhook-timestamp.body\"> keyed by the partner's push secret (the"
          + " base64 after whsec_); webhook-timestamp within 5 minutes of now.";

  private final Pushes pushes;

  PushController(Pushes pushes) {
    this.pushes = pushes;
  }

  @Operation(
      operationId = "pushWorkoutFile",
      summary = "Push an athlete's activity file (FIT, GPX or TCX); workout-service imports it",
      description =
          SIGNED
              + " The athlete must have connected the partner's app with workouts:write. A"
              + " retry with the same webhook-id and body, or another push of the same"
              + " externalId, answers 200 with the first push.",
      extensions =
          @Extension(
              properties =
                  @ExtensionProperty(name = "x-stride-signed", value = "true", parseValue = true)))
  @SignatureHeaders
  @ApiResponse(
      responseCode = "202",
      description = "Accepted: workout-service imports the file",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "200",
      description = "Pushed before: the first push",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "401",
      description = "Not signed, not by the partner's push secret, or signed too long ago")
  @ApiResponse(
      responseCode = "403",
      description = "The athlete did not let the partner's app add workouts")
  @ApiResponse(responseCode = "404", description = "The athlete has not connected the app")
  @ApiResponse(
      responseCode = "409",
      description = "The webhook-id was used before by a request with another body")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<PushView> push(
      @PathVariable UUID partnerId,
      @Valid @RequestBody PushRequest request,
      HttpServletRequest http) {
    Pushes.Outcome outcome = pushes.accept(signed(http, partnerId), request);
    if (!outcome.created()) {
      return ResponseEntity.ok(outcome.push());
    }
    return ResponseEntity.accepted()
        .location(
            URI.create("/api/v1/partner-pushes/" + partnerId + "/workouts/" + outcome.push().id()))
        .body(outcome.push());
  }

  @Operation(
      operationId = "getWorkoutPush",
      summary = "A push and what became of it (kept 30 days)",
      description = SIGNED + " The body signed is empty.",
      extensions =
          @Extension(
              properties =
                  @ExtensionProperty(name = "x-stride-signed", value = "true", parseValue = true)))
  @SignatureHeaders
  @ApiResponse(responseCode = "200", description = "The push", useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "401",
      description = "Not signed, not by the partner's push secret, or signed too long ago")
  @ApiResponse(responseCode = "404", description = "No such push of this partner")
  @GetMapping("/{pushId}")
  PushView get(@PathVariable UUID partnerId, @PathVariable UUID pushId, HttpServletRequest http) {
    return pushes.require(signed(http, partnerId).partnerId(), pushId);
  }

  private static SignedPush signed(HttpServletRequest http, UUID partnerId) {
    if (!(http.getAttribute(PushSignatureFilter.ATTRIBUTE) instanceof SignedPush signed)
        || !signed.partnerId().equals(partnerId)) {
      throw new IllegalStateException("a push reached the controller without its signature check");
    }
    return signed;
  }

  /** The three Standard Webhooks headers every push request carries. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @Parameter(
      name = "webhook-id",
      in = ParameterIn.HEADER,
      required = true,
      description = "The request's own id, the same on every retry of it (1-200 characters)",
      schema = @Schema(type = "string", example = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"))
  @Parameter(
      name = "webhook-timestamp",
      in = ParameterIn.HEADER,
      required = true,
      description = "When it was signed, seconds since the epoch",
      schema = @Schema(type = "integer", format = "int64", example = "1765123456"))
  @Parameter(
      name = "webhook-signature",
      in = ParameterIn.HEADER,
      required = true,
      description = "One or more space-separated v1,<base64> signatures",
      schema =
          @Schema(type = "string", example = "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="))
  @interface SignatureHeaders {}
}
