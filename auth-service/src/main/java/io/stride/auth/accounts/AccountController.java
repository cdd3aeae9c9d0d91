package io.stride.auth.accounts;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccountController {

  private final AccountService accounts;

  AccountController(AccountService accounts) {
    this.accounts = accounts;
  }

  @PostMapping("/api/v1/accounts")
  @ResponseStatus(HttpStatus.ACCEPTED)
  RegistrationResponse register(@Valid @RequestBody RegisterAccountRequest request) {
    accounts.register(request);
    return RegistrationResponse.ACCEPTED;
  }
}
