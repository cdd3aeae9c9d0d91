package io.stride.auth.accounts;

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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The single-use links auth-service has emailed (password reset, email verification): each carries
 * a 32-byte random token of which only the SHA-256 is kept, works until it expires and only once,
 * and an account gets at most {@link #MAX_REQUESTS} of a kind in {@link #REQUEST_WINDOW}. Every
 * change locks the account's row first, so the limit holds under a burst, two uses of one link
 * cannot both win and two links of one account cannot deadlock.
 */
@Component
class SingleUseLinks {

  /** At most this many links of a kind per account in {@link #REQUEST_WINDOW}. */
  static final int MAX_REQUESTS = 3;

  static final Duration REQUEST_WINDOW = Duration.ofMinutes(15);

  private static final SecureRandom RANDOM = new SecureRandom();

  /** What a link is for: its table (same columns for every kind) and how long it works. */
  enum Kind {
    PASSWORD_RESET("password_reset", Duration.ofMinutes(30)),
    EMAIL_VERIFICATION("email_verification", Duration.ofHours(24));

    private final String table;
    private final Duration validFor;

    Kind(String table, Duration validFor) {
      this.table = table;
      this.validFor = validFor;
    }

    Duration validFor() {
      return validFor;
    }
  }

  /** A new link's secret, for the email only; never logged. */
  record Link(String token, Instant expiresAt) {
    @Override
    public String toString() {
      return "Link[expiresAt=" + expiresAt + "]";
    }
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;

  SingleUseLinks(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * A new link for the account, unless it had {@link #MAX_REQUESTS} of this kind in the window.
   * Rows of long-expired links go here (they only serve the limit).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Optional<Link> issue(Kind kind, UUID accountId) {
    lock(accountId);
    Instant now = clock.instant();
    Timestamp windowStart = Timestamp.from(now.minus(REQUEST_WINDOW));
    jdbc.update(
        "delete from " + kind.table + " where account_id = ? and expires_at < ?",
        accountId,
        windowStart);
    Integer recent =
        jdbc.queryForObject(
            "select count(*) from " + kind.table + " where account_id = ? and created_at > ?",
            Integer.class,
            accountId,
            windowStart);
    if (recent != null && recent >= MAX_REQUESTS) {
      return Optional.empty();
    }
    String token = newToken();
    Instant expires = now.plus(kind.validFor);
    jdbc.update(
        "insert into "
            + kind.table
            + " (token_hash, account_id, created_at, expires_at)"
            + " values (?, ?, ?, ?)",
        hash(token),
        accountId,
        Timestamp.from(now),
        Timestamp.from(expires));
    return Optional.of(new Link(token, expires));
  }

  /** How long until the account may have another link of this kind (zero when it may now). */
  @Transactional(readOnly = true)
  Duration waitForNext(Kind kind, UUID accountId) {
    Instant now = clock.instant();
    List<Timestamp> newest =
        jdbc.queryForList(
            "select created_at from "
                + kind.table
                + " where account_id = ? and created_at > ? order by created_at desc limit ?",
            Timestamp.class,
            accountId,
            Timestamp.from(now.minus(REQUEST_WINDOW)),
            MAX_REQUESTS);
    if (newest.size() < MAX_REQUESTS) {
      return Duration.ZERO;
    }
    // the oldest of the counted links leaves the window first
    Instant leaves = newest.get(MAX_REQUESTS - 1).toInstant().plus(REQUEST_WINDOW);
    Duration wait = Duration.between(now, leaves);
    return wait.isNegative() ? Duration.ZERO : wait;
  }

  /** The account a link belongs to, if the link is unused and in time. */
  @Transactional(readOnly = true)
  Optional<UUID> accountFor(Kind kind, String token) {
    return jdbc
        .queryForList(
            "select account_id from "
                + kind.table
                + " where token_hash = ? and used_at is null and expires_at > ?",
            UUID.class,
            hash(token),
            Timestamp.from(clock.instant()))
        .stream()
        .findFirst();
  }

  /**
   * Uses the link up, and with it every other link of this kind of the account, in the caller's
   * transaction.
   *
   * @return whether this call used it: false when it is used (perhaps by a submission at the same
   *     moment), expired, unknown or another account's
   */
  @Transactional(propagation = Propagation.MANDATORY)
  boolean useUp(Kind kind, String token, UUID accountId) {
    lock(accountId);
    Timestamp now = Timestamp.from(clock.instant());
    int used =
        jdbc.update(
            "update "
                + kind.table
                + " set used_at = ?"
                + " where token_hash = ? and account_id = ? and used_at is null and expires_at > ?",
            now,
            hash(token),
            accountId,
            now);
    if (used != 1) {
      return false;
    }
    jdbc.update(
        "update " + kind.table + " set used_at = ? where account_id = ? and used_at is null",
        now,
        accountId);
    return true;
  }

  private void lock(UUID accountId) {
    jdbc.queryForList("select id from account where id = ? for update", accountId);
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
