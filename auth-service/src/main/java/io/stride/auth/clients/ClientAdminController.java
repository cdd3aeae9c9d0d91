package io.stride.auth.clients;

import io.stride.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators' API for partners' OAuth clients: reads need {@code clients:read}, changes {@code
 * clients:write}, both with the role ADMIN (ADR 0039).
 */
@Tag(name = "OAuth clients (administrators)")
@RestController
@RequestMapping("/api/v1/auth/clients")
class ClientAdminController {

  private final ClientAdmin admin;

  ClientAdminController(ClientAdmin admin) {
    this.admin = admin;
  }

  @Operation(
      operationId = "registerClient",
      summary = "Register a partner's OAuth client; its secret is in this answer only")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  NewClientSecretView register(
      CurrentUser user,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody ClientRequest request) {
    return admin.register(user.id(), request, idempotencyKey);
  }

  @Operation(operationId = "listClients", summary = "Every OAuth client, configured or registered")
  @GetMapping
  ClientList list() {
    return admin.list();
  }

  @Operation(operationId = "getClient", summary = "One OAuth client, never its secret")
  @GetMapping("/{clientId}")
  ClientView get(@PathVariable String clientId) {
    return admin.get(clientId);
  }

  @Operation(
      operationId = "replaceClient",
      summary = "Change a registered client's name, grants, redirect URIs and scopes")
  @PutMapping("/{clientId}")
  ClientView replace(@PathVariable String clientId, @Valid @RequestBody ClientRequest request) {
    return admin.replace(clientId, request);
  }

  @Operation(
      operationId = "rotateClientSecret",
      summary =
          "A new client secret, in this answer only; the replaced one keeps working for the"
              + " overlap")
  @PostMapping("/{clientId}/secret-rotations")
  @ResponseStatus(HttpStatus.CREATED)
  NewClientSecretView rotate(
      @PathVariable String clientId,
      @Valid @RequestBody(required = false) SecretRotationRequest request) {
    return admin.rotate(clientId, request);
  }
}
