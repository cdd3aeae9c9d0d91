package io.stride.auth.accounts;

import io.stride.auth.login.PasswordConfirmation;
import io.stride.contracts.auth.UserDeleted;
import io.stride.platform.erasure.PlatformErasure;
import io.stride.platform.events.EventPublisher;
import io.stride.platform.web.NotFoundException;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes an account at its owner's request, password re-entered
 * (docs/adr/0012-account-erasure.md). In one transaction: the account, everything auth-service
 * holds about the user (OAuth2 authorizations with their refresh tokens, consents, rotated-token
 * records, device polls, login failures, idempotency records, the outbox rows about the user) and
 * the {@code UserDeleted} event that tells every other service to erase the user too.
 */
@Service
class AccountDeletion {

  private static final Logger log = LoggerFactory.getLogger(AccountDeletion.class);

  private final AccountRepository accounts;
  private final PasswordConfirmation confirmation;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final EventPublisher events;
  private final PlatformErasure platform;
  private final Clock clock;
  private final SignIns signIns;

  AccountDeletion(
      AccountRepository accounts,
      PasswordConfirmation confirmation,
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      EventPublisher events,
      PlatformErasure platform,
      Clock clock,
      SignIns signIns) {
    this.accounts = accounts;
    this.confirmation = confirmation;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.events = events;
    this.platform = platform;
    this.clock = clock;
    this.signIns = signIns;
  }

  /**
   * Checks the password (outside the transaction, so a failure stays counted), then erases.
   *
   * @throws WrongPasswordException when the password is not the account's
   */
  void delete(UUID userId, String password, String ip) {
    Account account =
        accounts
            .findById(userId)
            .orElseThrow(() -> new NotFoundException("This account does not exist (any more)."));
    if (!confirmation.confirm(account.emailNormalized(), account.passwordHash(), password, ip)) {
      throw new WrongPasswordException();
    }
    transactions.executeWithoutResult(status -> erase(account));
  }

  private void erase(Account account) {
    String principal = account.id().toString();
    // the row lock makes a concurrent second deletion wait, then find nothing and do nothing
    if (jdbc.queryForList("select id from account where id = ? for update", account.id())
        .isEmpty()) {
      return;
    }
    int authorizations = signIns.endAll(account.id());
    jdbc.update("delete from oauth2_authorization_consent where principal_name = ?", principal);
    jdbc.update("delete from login_failure where account_key = ?", account.emailNormalized());
    jdbc.update("delete from account where id = ?", account.id());
    var announced = events.publish(new UserDeleted(account.id(), clock.instant()));
    platform.eraseKeeping(account.id(), announced.id());
    log.info("Account {} deleted; {} authorizations revoked", account.id(), authorizations);
  }
}
