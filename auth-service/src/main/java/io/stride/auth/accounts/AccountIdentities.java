package io.stride.auth.accounts;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up who an account belongs to by its id, the {@code sub} of every token issued for it. */
@Service
public class AccountIdentities {

  private final AccountRepository accounts;

  AccountIdentities(AccountRepository accounts) {
    this.accounts = accounts;
  }

  /** The account's identity, or empty when {@code accountId} names no account (any more). */
  @Transactional(readOnly = true)
  public Optional<AccountIdentity> find(String accountId) {
    UUID id;
    try {
      id = UUID.fromString(accountId);
    } catch (IllegalArgumentException notAnAccountId) {
      return Optional.empty();
    }
    return accounts
        .findById(id)
        .map(
            account ->
                new AccountIdentity(
                    account.email(), account.displayName(), account.emailVerified()));
  }
}
