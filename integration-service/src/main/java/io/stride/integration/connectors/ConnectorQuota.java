package io.stride.integration.connectors;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.OptionalInt;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A platform's rate limits, counted in {@code connector_quota} so every replica shares one count: a
 * short window (Strava: 15 minutes, starting at :00, :15, :30 and :45) and a daily one (from
 * midnight UTC). {@link #take} counts a request in both windows before it is made, or throws {@link
 * ConnectorException.RateLimited} with the end of the full window; {@link #observed} raises the
 * counts to what the platform says it counted (its usage headers cover every request of Stride's
 * application, whoever made it), and {@link #exhausted} fills a window the platform answered 429
 * in.
 */
@Component
class ConnectorQuota {

  /** The two windows of a limit: {@code short} (its length) and {@code daily}. */
  record Limits(Duration shortWindow, int shortAllowed, int dailyAllowed) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  ConnectorQuota(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Counts one request, or throws RateLimited when a window has none left. */
  void take(String source, Limits limits) {
    Instant now = clock.instant();
    Instant shortStart = shortStart(now, limits.shortWindow());
    Instant dayStart = now.truncatedTo(ChronoUnit.DAYS);
    if (!counted(source, "daily", dayStart, limits.dailyAllowed())) {
      throw new ConnectorException.RateLimited(
          source + "'s daily request limit is used up", dayStart.plus(Duration.ofDays(1)));
    }
    if (!counted(source, "short", shortStart, limits.shortAllowed())) {
      throw new ConnectorException.RateLimited(
          source + "'s 15-minute request limit is used up", shortStart.plus(limits.shortWindow()));
    }
  }

  /**
   * What the platform said it counted in the current windows and allows ({@code -1}: not said); a
   * count only ever rises, so a stale header lowers nothing.
   */
  void observed(
      String source,
      Limits limits,
      int shortUsed,
      int dailyUsed,
      int shortAllowed,
      int dailyAllowed) {
    Instant now = clock.instant();
    raise(
        source,
        "short",
        shortStart(now, limits.shortWindow()),
        shortUsed,
        shortAllowed > 0 ? shortAllowed : limits.shortAllowed());
    raise(
        source,
        "daily",
        now.truncatedTo(ChronoUnit.DAYS),
        dailyUsed,
        dailyAllowed > 0 ? dailyAllowed : limits.dailyAllowed());
  }

  /** The platform answered 429: nothing more in the short window (and the day, if it says so). */
  Instant exhausted(String source, Limits limits, boolean daily) {
    Instant now = clock.instant();
    Instant shortStart = shortStart(now, limits.shortWindow());
    Instant dayStart = now.truncatedTo(ChronoUnit.DAYS);
    fill(source, "short", shortStart, limits.shortAllowed());
    if (daily) {
      fill(source, "daily", dayStart, limits.dailyAllowed());
      return dayStart.plus(Duration.ofDays(1));
    }
    return shortStart.plus(limits.shortWindow());
  }

  /** Requests left in the current short window, if any was counted in it yet. */
  OptionalInt leftNow(String source, Limits limits) {
    Instant start = shortStart(clock.instant(), limits.shortWindow());
    return jdbc.sql(
            "select allowed - used from connector_quota"
                + " where source = ? and window_kind = 'short' and window_start = ?")
        .params(source, Timestamp.from(start))
        .query(Integer.class)
        .optional()
        .map(left -> OptionalInt.of(Math.max(0, left)))
        .orElse(OptionalInt.empty());
  }

  /** Windows that ended more than a day ago go (run with each pull turn; cheap). */
  int forgetOld() {
    return jdbc.sql("delete from connector_quota where window_start < ?")
        .param(Timestamp.from(clock.instant().minus(Duration.ofDays(2))))
        .update();
  }

  private boolean counted(String source, String kind, Instant start, int allowed) {
    return jdbc.sql(
                """
                insert into connector_quota (source, window_kind, window_start, used, allowed)
                values (?, ?, ?, 1, ?)
                on conflict (source, window_kind, window_start) do update
                  set used = connector_quota.used + 1
                  where connector_quota.used < connector_quota.allowed
                """)
            .params(source, kind, Timestamp.from(start), allowed)
            .update()
        == 1;
  }

  private void raise(String source, String kind, Instant start, int used, int allowed) {
    int capped = (int) Math.min(used, allowed);
    jdbc.sql(
            """
            insert into connector_quota (source, window_kind, window_start, used, allowed)
            values (?, ?, ?, ?, ?)
            on conflict (source, window_kind, window_start) do update
              set used = greatest(connector_quota.used, excluded.used), allowed = excluded.allowed
            """)
        .params(source, kind, Timestamp.from(start), capped, allowed)
        .update();
  }

  /** Nothing left in the window; the number allowed stays what the platform last said. */
  private void fill(String source, String kind, Instant start, int allowed) {
    jdbc.sql(
            """
            insert into connector_quota (source, window_kind, window_start, used, allowed)
            values (?, ?, ?, ?, ?)
            on conflict (source, window_kind, window_start) do update
              set used = connector_quota.allowed
            """)
        .params(source, kind, Timestamp.from(start), allowed, allowed)
        .update();
  }

  static Instant shortStart(Instant now, Duration window) {
    long seconds = window.toSeconds();
    long epoch = now.atOffset(ZoneOffset.UTC).toEpochSecond();
    return Instant.ofEpochSecond(epoch - Math.floorMod(epoch, seconds));
  }
}
