package io.stride.platform.jwt;

import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** Wraps the configured decoders with a {@link VerifiedTokenCache}. */
public final class CachingJwtDecoders {

  /** Tokens are cached at most this long whatever their {@code exp} says. */
  static final Duration LONGEST_LIFETIME = Duration.ofMinutes(15);

  private CachingJwtDecoders() {}

  public static JwtDecoder caching(JwtDecoder delegate, Clock clock) {
    VerifiedTokenCache cache = new VerifiedTokenCache(clock, LONGEST_LIFETIME);
    return token -> {
      Jwt cached = cache.get(token);
      if (cached != null) {
        return cached;
      }
      Jwt jwt = delegate.decode(token);
      cache.remember(token, jwt);
      return jwt;
    };
  }
}
