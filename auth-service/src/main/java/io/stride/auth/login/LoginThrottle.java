package io.stride.auth.login;

import io.stride.auth.web.ClientIp;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, in the database so every replica sees the same counts. Per account:
 * after {@value #ACCOUNT_FREE_FAILURES} failures within the window each further attempt waits twice
 * as long as the last (1 s, 2 s, 4 s … up to the window). Per IP: at most {@value #IP_FAILURES}
 * failures in the window. Failures older than the window no longer count, so the real owner can
 * always log in again once an attack stops.
 */
@Component
class LoginThrottle {

  static final Duration WINDOW = Duration.ofMinutes(15);
  static final int ACCOUNT_FREE_FAILURES = 10;
  static final int IP_FAILURES = 100;
  static final int MAX_ACCOUNT_KEY_LENGTH = 320;

  private final JdbcTemplate jdbc;
  private final Clock clock;

  LoginThrottle(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** How long the caller must wait before trying again, if at all. */
  Optional<Duration> waitBefore(String accountKey, String ip) {
    Instant now = clock.instant();
    Timestamp since = Timestamp.from(now.minus(WINDOW));
    var account =
        jdbc.queryForMap(
            "select count(*) as failures, max(failed_at) as last from login_failure"
                + " where account_key = ? and failed_at > ?",
            key(accountKey),
            since);
    long failures = ((Number) account.get("failures")).longValue();
    if (failures >= ACCOUNT_FREE_FAILURES) {
      Duration delay = delayAfter(failures);
      Instant allowedAt = ((Timestamp) account.get("last")).toInstant().plus(delay);
      if (allowedAt.isAfter(now)) {
        return Optional.of(Duration.between(now, allowedAt));
      }
    }
    var byIp =
        jdbc.queryForMap(
            "select count(*) as failures, min(failed_at) as first from login_failure"
                + " where client_ip = ? and failed_at > ?",
            ClientIp.key(ip),
            since);
    if (((Number) byIp.get("failures")).longValue() >= IP_FAILURES) {
      Instant allowedAt = ((Timestamp) byIp.get("first")).toInstant().plus(WINDOW);
      return Optional.of(Duration.between(now, allowedAt));
    }
    return Optional.empty();
  }

  static Duration delayAfter(long failures) {
    long exponent = Math.min(failures - ACCOUNT_FREE_FAILURES, 20);
    Duration delay = Duration.ofSeconds(1L << exponent);
    return delay.compareTo(WINDOW) > 0 ? WINDOW : delay;
  }

  void recordFailure(String accountKey, String ip) {
    jdbc.update(
        "insert into login_failure (account_key, client_ip, failed_at) values (?, ?, ?)",
        key(accountKey),
        ClientIp.key(ip),
        Timestamp.from(clock.instant()));
  }

  void recordSuccess(String accountKey) {
    jdbc.update("delete from login_failure where account_key = ?", key(accountKey));
  }

  /** Housekeeping: failures outside the window are no longer needed. */
  @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT5M")
  void forgetOldFailures() {
    jdbc.update(
        "delete from login_failure where failed_at < ?",
        Timestamp.from(clock.instant().minus(WINDOW)));
  }

  /**
   * Whether a sign-in name can be an account's email at all: at most as long as the column that
   * stores it, and no control characters (PostgreSQL refuses a NUL in text).
   */
  static boolean couldBeAnAccount(String name) {
    if (name == null || name.isBlank() || name.length() > MAX_ACCOUNT_KEY_LENGTH) {
      return false;
    }
    return name.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
  }

  private static String key(String accountKey) {
    return accountKey == null ? "" : accountKey.trim().toLowerCase(Locale.ROOT);
  }
}
