package io.stride.auth.accounts;

import io.stride.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Accounts")
@RestController
class AccountController {

  private final AccountService accounts;
  private final AccountDeletion deletions;

  AccountController(AccountService accounts, AccountDeletion deletions) {
    this.accounts = accounts;
    this.deletions = deletions;
  }

  @Operation(
      operationId = "registerAccount",
      summary = "Register an account; a welcome email confirms it")
  @PostMapping("/api/v1/accounts")
  @ResponseStatus(HttpStatus.ACCEPTED)
  RegistrationResponse register(@Valid @RequestBody RegisterAccountRequest request) {
    accounts.register(request);
    return RegistrationResponse.ACCEPTED;
  }

  /**
   * Deletes the caller's account and, through {@code UserDeleted}, everything every service holds
   * about them. Needs a user token with {@code account:manage} and the password re-entered.
   */
  @Operation(
      operationId = "deleteMyAccount",
      summary = "Delete the signed-in athlete's account and everything of theirs")
  @PostMapping("/api/v1/accounts/me/deletion")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(
      CurrentUser user, @Valid @RequestBody DeleteAccountRequest request, HttpServletRequest http) {
    deletions.delete(user.id(), request.password(), http.getRemoteAddr());
  }
}
