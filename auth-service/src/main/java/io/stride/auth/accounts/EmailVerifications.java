package io.stride.auth.accounts;

import io.stride.auth.accounts.SingleUseLinks.Kind;
import io.stride.auth.accounts.SingleUseLinks.Link;
import io.stride.contracts.auth.AccountContactChanged;
import io.stride.contracts.auth.EmailVerificationRequested;
import io.stride.platform.events.EventPublisher;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proving the address: a new account's contact data goes to notification-service ({@code
 * AccountContactChanged}, not verified) with a single-use link that works for 24 hours ({@code
 * EmailVerificationRequested}); opening it and confirming marks the address verified and announces
 * the new contact version. The owner can ask for the link again, as often as {@link SingleUseLinks}
 * allows.
 */
@Service
class EmailVerifications {

  static final Duration VALID_FOR = Kind.EMAIL_VERIFICATION.validFor();

  private static final Logger log = LoggerFactory.getLogger(EmailVerifications.class);

  private final AccountRepository accounts;
  private final SingleUseLinks links;
  private final JdbcTemplate jdbc;
  private final EventPublisher events;
  private final AdminGrants admins;
  private final String verifyPage;

  EmailVerifications(
      AccountRepository accounts,
      SingleUseLinks links,
      JdbcTemplate jdbc,
      EventPublisher events,
      AdminGrants admins,
      @Value("${stride.auth.issuer}") String issuer) {
    this.accounts = accounts;
    this.links = links;
    this.jdbc = jdbc;
    this.events = events;
    this.admins = admins;
    this.verifyPage = issuer.replaceAll("/+$", "") + EmailVerificationPages.VERIFY_PATH;
  }

  /** What asking for the link again came to. */
  sealed interface Resend {
    record Sent() implements Resend {}

    record AlreadyVerified() implements Resend {}

    record TooSoon(Duration retryAfter) implements Resend {}
  }

  /** In the registration's transaction: the new address, not verified, and its first link. */
  @Transactional(propagation = Propagation.MANDATORY)
  void registered(Account account) {
    events.publish(
        new AccountContactChanged(
            account.id(), account.email(), account.emailVerified(), account.contactVersion()));
    links.issue(Kind.EMAIL_VERIFICATION, account.id()).ifPresent(link -> send(account, link));
  }

  /** "Send the link again", for the signed-in owner. */
  @Transactional
  Resend resend(UUID accountId) {
    Optional<Account> found = accounts.findById(accountId);
    if (found.isEmpty() || found.get().emailVerified()) {
      return new Resend.AlreadyVerified();
    }
    Account account = found.get();
    Optional<Link> link = links.issue(Kind.EMAIL_VERIFICATION, account.id());
    if (link.isEmpty()) {
      log.info("Verification link for account {} not sent: too many in the window", accountId);
      return new Resend.TooSoon(links.waitForNext(Kind.EMAIL_VERIFICATION, accountId));
    }
    send(account, link.get());
    return new Resend.Sent();
  }

  /** The account a link would verify, if the link is unused and in time. */
  @Transactional(readOnly = true)
  Optional<Account> accountFor(String token) {
    return links.accountFor(Kind.EMAIL_VERIFICATION, token).flatMap(accounts::findById);
  }

  /**
   * Marks the address verified if the link still works, using it (and every other verification link
   * of the account) up, and announces the new contact version, all in one transaction; an address
   * operators list as an admin's gains the role ADMIN with it ({@link AdminGrants}).
   *
   * @return the account's address, or empty when the link is used, expired or unknown
   */
  @Transactional
  Optional<String> verify(String token) {
    Optional<Account> account = accountFor(token);
    if (account.isEmpty() || !links.useUp(Kind.EMAIL_VERIFICATION, token, account.get().id())) {
      return Optional.empty();
    }
    UUID id = account.get().id();
    // read under the row lock useUp took: the version grows from what is stored now
    AccountContactChanged verified =
        jdbc.queryForObject(
            "update account set email_verified = true, contact_version = contact_version + 1"
                + " where id = ? returning email, contact_version",
            (row, i) -> new AccountContactChanged(id, row.getString(1), true, row.getLong(2)),
            id);
    events.publish(verified);
    admins.verified(id, verified.email());
    log.info("Email of account {} verified (contact version {})", id, verified.version());
    return Optional.of(verified.email());
  }

  private void send(Account account, Link link) {
    events.publish(
        new EmailVerificationRequested(
            account.id(),
            account.email(),
            account.displayName(),
            verifyPage + "?token=" + link.token(),
            link.expiresAt()));
  }
}
