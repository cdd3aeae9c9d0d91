package io.stride.auth.accounts;

import io.stride.contracts.auth.PasswordResetRequested;
import io.stride.platform.events.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset by emailed link: a request makes a single-use token that works for 30 minutes,
 * keeps only its SHA-256, and asks notification-service to email the link ({@code
 * PasswordResetRequested}). The answer never says whether the email has an account. Setting the new
 * password uses the token up, ends every sign-in of the account (apps, devices, browsers) and
 * clears its failed sign-ins.
 */
@Service
class PasswordResets {

  static final Duration VALID_FOR = Duration.ofMinutes(30);

  /** At most this many links per account in {@link #REQUEST_WINDOW}; more are silently dropped. */
  static final int MAX_REQUESTS = 3;

  static final Duration REQUEST_WINDOW = Duration.ofMinutes(15);

  private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AccountRepository accounts;
  private final JdbcTemplate jdbc;
  private final EventPublisher events;
  private final PasswordEncoder passwords;
  private final SignIns signIns;
  private final Clock clock;
  private final String resetPage;
  private final PasswordPolicy policy = PasswordPolicy.withBundledList();

  PasswordResets(
      AccountRepository accounts,
      JdbcTemplate jdbc,
      EventPublisher events,
      PasswordEncoder passwords,
      SignIns signIns,
      Clock clock,
      @Value("${stride.auth.issuer}") String issuer) {
    this.accounts = accounts;
    this.jdbc = jdbc;
    this.events = events;
    this.passwords = passwords;
    this.signIns = signIns;
    this.clock = clock;
    this.resetPage = issuer.replaceAll("/+$", "") + PasswordResetPages.RESET_PATH;
  }

  /**
   * Sends a link if the email has an account and it has not asked too often; says nothing. Old
   * links of the account are deleted here (their rows only serve the limit).
   */
  @Transactional
  void request(String email) {
    Optional<Account> found = accounts.findByEmailNormalized(Account.normalize(email));
    if (found.isEmpty() || !found.get().enabled()) {
      return;
    }
    Account account = found.get();
    // the account row lock orders concurrent requests, so the limit holds under a burst
    jdbc.queryForList("select id from account where id = ? for update", account.id());
    Instant now = clock.instant();
    jdbc.update(
        "delete from password_reset where account_id = ? and expires_at < ?",
        account.id(),
        Timestamp.from(now.minus(REQUEST_WINDOW)));
    Integer recent =
        jdbc.queryForObject(
            "select count(*) from password_reset where account_id = ? and created_at > ?",
            Integer.class,
            account.id(),
            Timestamp.from(now.minus(REQUEST_WINDOW)));
    if (recent != null && recent >= MAX_REQUESTS) {
      log.info(
          "Password reset for account {} not sent: {} in the last window", account.id(), recent);
      return;
    }
    String token = newToken();
    Instant expires = now.plus(VALID_FOR);
    jdbc.update(
        "insert into password_reset (token_hash, account_id, created_at, expires_at)"
            + " values (?, ?, ?, ?)",
        hash(token),
        account.id(),
        Timestamp.from(now),
        Timestamp.from(expires));
    events.publish(
        new PasswordResetRequested(
            account.id(),
            account.email(),
            account.displayName(),
            resetPage + "?token=" + token,
            expires));
  }

  /** The account a link would reset, if the link is unused and in time. */
  @Transactional(readOnly = true)
  Optional<Account> accountFor(String token) {
    return jdbc
        .queryForList(
            "select account_id from password_reset"
                + " where token_hash = ? and used_at is null and expires_at > ?",
            UUID.class,
            hash(token),
            Timestamp.from(clock.instant()))
        .stream()
        .findFirst()
        .flatMap(accounts::findById);
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
    // one reset of an account at a time: two links submitted together would otherwise deadlock
    jdbc.queryForList("select id from account where id = ? for update", owner.id());
    policy.check(newPassword, owner.email(), owner.displayName());
    int used =
        jdbc.update(
            "update password_reset set used_at = ?"
                + " where token_hash = ? and used_at is null and expires_at > ?",
            Timestamp.from(clock.instant()),
            hash(token),
            Timestamp.from(clock.instant()));
    if (used != 1) {
      return Optional.empty(); // the other submission won
    }
    jdbc.update(
        "update password_reset set used_at = ? where account_id = ? and used_at is null",
        Timestamp.from(clock.instant()),
        owner.id());
    jdbc.update(
        "update account set password_hash = ? where id = ?",
        passwords.encode(newPassword),
        owner.id());
    jdbc.update("delete from login_failure where account_key = ?", owner.emailNormalized());
    int ended = signIns.endAll(owner.id());
    log.info("Password of account {} reset; {} authorizations revoked", owner.id(), ended);
    return Optional.of(owner);
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
