package io.stride.promo.redemptions;

import io.stride.platform.web.TooManyRequestsException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limits guessing: wrong codes per athlete and per client address in a fixed window, counted in the
 * database so every replica sees the same count. Over the limit, a redemption is refused with 429
 * and {@code Retry-After} until the window ends, before the code is even looked at.
 */
@Component
class GuessThrottle {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration window;
  private final int perAthlete;
  private final int perAddress;

  GuessThrottle(
      JdbcClient jdbc,
      Clock clock,
      @Value("${stride.promo.guesses.window:15m}") Duration window,
      @Value("${stride.promo.guesses.per-athlete:10}") int perAthlete,
      @Value("${stride.promo.guesses.per-address:50}") int perAddress) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.window = window;
    this.perAthlete = perAthlete;
    this.perAddress = perAddress;
  }

  /** Refuses with 429 when the athlete or the address used up its wrong guesses. */
  void check(UUID athlete, String address) {
    Instant now = clock.instant();
    check(athleteKey(athlete), perAthlete, now, "Too many wrong codes from your account");
    check(addressKey(address), perAddress, now, "Too many wrong codes from your network");
  }

  /** Counts a wrong code, in its own transaction: it stays counted when the request fails. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void wrong(UUID athlete, String address) {
    Instant now = clock.instant();
    count(athleteKey(athlete), now);
    count(addressKey(address), now);
  }

  private void check(String subject, int limit, Instant now, String what) {
    jdbc.sql("select window_start, failures from guess_window where subject = ?")
        .param(subject)
        .query(
            (rs, row) -> {
              Instant ends = rs.getTimestamp(1).toInstant().plus(window);
              if (ends.isAfter(now) && rs.getInt(2) >= limit) {
                Duration wait = Duration.between(now, ends);
                throw new TooManyRequestsException(
                    what + "; try again in " + Math.max(1, wait.toMinutes()) + " minutes.",
                    wait.plusSeconds(1).withNanos(0));
              }
              return true;
            })
        .optional();
  }

  private void count(String subject, Instant now) {
    Timestamp at = Timestamp.from(now);
    Timestamp expired = Timestamp.from(now.minus(window));
    jdbc.sql(
            "insert into guess_window (subject, window_start, failures) values (?, ?, 1)"
                + " on conflict (subject) do update set"
                + " failures = case when guess_window.window_start <= ? then 1"
                + " else guess_window.failures + 1 end,"
                + " window_start = case when guess_window.window_start <= ? then ?"
                + " else guess_window.window_start end")
        .params(subject, at, expired, expired, at)
        .update();
  }

  static String athleteKey(UUID athlete) {
    return "athlete:" + athlete;
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
