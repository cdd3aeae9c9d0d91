package io.stride.auth.accounts;

import io.stride.auth.accounts.SingleUseLinks.Kind;
import io.stride.auth.accounts.SingleUseLinks.Link;
import io.stride.contracts.auth.PasswordChanged;
import io.stride.contracts.auth.PasswordResetRequested;
import io.stride.platform.events.EventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset by emailed link: a request makes a single-use link ({@link SingleUseLinks}) that
 * works for 30 minutes and asks notification-service to email it ({@code PasswordResetRequested}).
 * The answer never says whether the email has an account. Setting the new password uses the link
 * up, ends every sign-in of the account (apps, devices, browsers), clears its failed sign-ins and
 * tells the owner ({@code PasswordChanged}).
 */
@Service
class PasswordResets {

  static final Duration VALID_FOR = Kind.PASSWORD_RESET.validFor();

  private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

  private final AccountRepository accounts;
  private final SingleUseLinks links;
  private final JdbcTemplate jdbc;
  private final EventPublisher events;
  private final PasswordEncoder passwords;
  private final SignIns signIns;
  private final Clock clock;
  private final String resetPage;
  private final PasswordPolicy policy = PasswordPolicy.withBundledList();

  PasswordResets(
      AccountRepository accounts,
      SingleUseLinks links,
      JdbcTemplate jdbc,
      EventPublisher events,
      PasswordEncoder passwords,
      SignIns signIns,
      Clock clock,
      @Value("${stride.auth.issuer}") String issuer) {
    this.accounts = accounts;
    this.links = links;
    this.jdbc = jdbc;
    this.events = events;
    this.passwords = passwords;
    this.signIns = signIns;
    this.clock = clock;
    this.resetPage = issuer.replaceAll("/+$", "") + PasswordResetPages.RESET_PATH;
  }

  /** Sends a link if the email has an account and it has not asked too often; says nothing. */
  @Transactional
  void request(String email) {
    Optional<Account> found = accounts.findByEmailNormalized(Account.normalize(email));
    if (found.isEmpty() || !found.get().enabled()) {
      return;
    }
    Account account = found.get();
    Optional<Link> link = links.issue(Kind.PASSWORD_RESET, account.id());
    if (link.isEmpty()) {
      log.info("Password reset for account {} not sent: too many in the window", account.id());
      return;
    }
    events.publish(
        new PasswordResetRequested(
            account.id(),
            account.email(),
            account.displayName(),
            resetPage + "?token=" + link.get().token(),
            link.get().expiresAt()));
  }

  /** The account a link would reset, if the link is unused and in time. */
  @Transactional(readOnly = true)
  Optional<Account> accountFor(String token) {
    return links.accountFor(Kind.PASSWORD_RESET, token).flatMap(accounts::findById);
  }

  /**
   * Sets the new password if the link still works, using it (and every other link of the account)
   * up in the same transaction, so a link works once even when submitted twice at the same time.
   *
   * @return the account, or empty when the link is used, expired or unknown
   * @throws io.stride.platform.web.InvalidRequestException when the password breaks the policy
   */
  @Transactional
  Optional<Account> reset(String token, String newPassword) {
    Optional<Account> account = accountFor(token);
    if (account.isEmpty() || !account.get().enabled()) {
      return Optional.empty();
    }
    Account owner = account.get();
    policy.check(newPassword, owner.email(), owner.displayName());
    if (!links.useUp(Kind.PASSWORD_RESET, token, owner.id())) {
      return Optional.empty(); // the other submission won
    }
    jdbc.update(
        "update account set password_hash = ? where id = ?",
        passwords.encode(newPassword),
        owner.id());
    jdbc.update("delete from login_failure where account_key = ?", owner.emailNormalized());
    int ended = signIns.endAll(owner.id());
    events.publish(new PasswordChanged(owner.id(), clock.instant()));
    log.info("Password of account {} reset; {} authorizations revoked", owner.id(), ended);
    return Optional.of(owner);
  }
}
