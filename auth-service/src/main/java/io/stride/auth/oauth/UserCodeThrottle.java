package io.stride.auth.oauth;

import io.stride.auth.web.ClientIp;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.stereotype.Component;

/**
 * Guards device user codes against guessing: each wrong code is counted per client IP, and after
 * {@value #MAX_FAILURES} in {@link #WINDOW} that IP may not try codes until the window passes.
 */
@Component
public class UserCodeThrottle {

  static final int MAX_FAILURES = 10;
  static final Duration WINDOW = Duration.ofMinutes(15);
  private static final OAuth2TokenType USER_CODE =
      new OAuth2TokenType(OAuth2ParameterNames.USER_CODE);

  private final JdbcTemplate jdbc;
  private final OAuth2AuthorizationService authorizations;
  private final Clock clock;

  UserCodeThrottle(JdbcTemplate jdbc, OAuth2AuthorizationService authorizations, Clock clock) {
    this.jdbc = jdbc;
    this.authorizations = authorizations;
    this.clock = clock;
  }

  /**
   * How long the IP must wait before it may try codes again, if it is blocked: until the {@value
   * #MAX_FAILURES}th most recent failure leaves the window (a blocked IP records no new failures).
   */
  public Optional<Duration> blockedFor(String ip) {
    Instant now = clock.instant();
    return jdbc
        .query(
            "select failed_at from user_code_failure where client_ip = ? and failed_at > ?"
                + " order by failed_at desc offset ? limit 1",
            (rs, i) -> rs.getTimestamp(1).toInstant(),
            ClientIp.key(ip),
            Timestamp.from(now.minus(WINDOW)),
            MAX_FAILURES - 1)
        .stream()
        .findFirst()
        .map(failure -> Duration.between(now, failure.plus(WINDOW)));
  }

  /** Whether the code belongs to a pending device authorization; a miss counts as a failure. */
  public boolean check(String userCode, String ip) {
    OAuth2Authorization authorization = authorizations.findByToken(normalize(userCode), USER_CODE);
    OAuth2Authorization.Token<OAuth2UserCode> code =
        authorization == null ? null : authorization.getToken(OAuth2UserCode.class);
    boolean valid = code != null && code.isActive();
    if (!valid) {
      jdbc.update(
          "insert into user_code_failure (client_ip, failed_at) values (?, ?)",
          ClientIp.key(ip),
          Timestamp.from(clock.instant()));
    }
    return valid;
  }

  /** Accepts what people type: lower case, spaces, a missing dash. */
  public static String normalize(String userCode) {
    String letters =
        userCode == null ? "" : userCode.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    return letters.length() == 8 ? letters.substring(0, 4) + "-" + letters.substring(4) : letters;
  }
}
