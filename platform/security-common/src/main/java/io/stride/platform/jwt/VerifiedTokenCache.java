package io.stride.platform.jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Remembers access tokens that passed full validation (signature, issuer, audience, time), keyed by
 * the exact token string, until they expire. A client sends the same token with every request for
 * its whole lifetime; checking the RSA signature and decoding it again each time cost a quarter of
 * the gateway's CPU. A cached token is served only while {@code exp} is strictly in the future.
 */
final class VerifiedTokenCache {

  static final int MAX_TOKENS = 10_000;

  private final Cache<String, Jwt> verified;
  private final Clock clock;

  VerifiedTokenCache(Clock clock, Duration longestLifetime) {
    this.clock = clock;
    this.verified =
        Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfterWrite(longestLifetime).build();
  }

  Jwt get(String token) {
    Jwt jwt = verified.getIfPresent(token);
    if (jwt == null) {
      return null;
    }
    Instant expiresAt = jwt.getExpiresAt();
    if (expiresAt == null || !expiresAt.isAfter(clock.instant())) {
      verified.invalidate(token);
      return null;
    }
    return jwt;
  }

  void remember(String token, Jwt jwt) {
    if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(clock.instant())) {
      verified.put(token, jwt);
    }
  }
}
