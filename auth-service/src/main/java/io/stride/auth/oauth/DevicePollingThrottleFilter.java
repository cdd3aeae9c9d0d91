package io.stride.auth.oauth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * RFC 8628 §3.5: a device that polls the token endpoint sooner than the interval gets {@code
 * slow_down}, and its interval grows by 5 seconds for the rest of the flow. Kept in the database so
 * it holds across replicas.
 */
final class DevicePollingThrottleFilter extends OncePerRequestFilter {

  private static final Duration STEP = Duration.ofSeconds(5);

  private final RequestMatcher tokenEndpoint;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final Duration interval;
  private final Clock clock;

  /**
   * @param tokenEndpoint matches token requests as the token endpoint does (see {@link
   *     EndpointMatchers})
   */
  DevicePollingThrottleFilter(
      RequestMatcher tokenEndpoint,
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      Duration interval,
      Clock clock) {
    this.tokenEndpoint = tokenEndpoint;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.interval = interval;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !tokenEndpoint.matches(request)
        || !AuthorizationGrantType.DEVICE_CODE
            .getValue()
            .equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
        || request.getParameter(OAuth2ParameterNames.DEVICE_CODE) == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String hash =
        ReuseDetectingAuthorizationService.hash(
            request.getParameter(OAuth2ParameterNames.DEVICE_CODE));
    Boolean tooFast = transactions.execute(status -> recordPoll(hash));
    if (Boolean.TRUE.equals(tooFast)) {
      response.setStatus(400);
      response.setContentType("application/json");
      response.setHeader("Cache-Control", "no-store");
      response
          .getWriter()
          .write(
              "{\"error\":\"slow_down\",\"error_description\":\"Polling too fast; wait longer"
                  + " between requests.\"}");
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean recordPoll(String hash) {
    Instant now = clock.instant();
    List<Object[]> rows =
        jdbc.query(
            "select last_poll_at, interval_seconds from device_poll where device_code_hash = ?"
                + " for update",
            (rs, i) -> new Object[] {rs.getTimestamp(1).toInstant(), rs.getInt(2)},
            hash);
    if (rows.isEmpty()) {
      jdbc.update(
          "insert into device_poll (device_code_hash, last_poll_at, interval_seconds)"
              + " values (?, ?, ?) on conflict do nothing",
          hash,
          Timestamp.from(now),
          (int) interval.toSeconds());
      return false;
    }
    Instant last = (Instant) rows.get(0)[0];
    int seconds = (Integer) rows.get(0)[1];
    boolean tooFast = last.plusSeconds(seconds).isAfter(now);
    jdbc.update(
        "update device_poll set last_poll_at = ?, interval_seconds = ? where device_code_hash = ?",
        Timestamp.from(now),
        tooFast ? seconds + (int) STEP.toSeconds() : seconds,
        hash);
    return tooFast;
  }
}
