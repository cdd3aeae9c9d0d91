package io.stride.platform.jwt;

import java.time.Clock;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** The reactive twin of {@link CachingJwtDecoders}, kept apart so servlet apps need no Reactor. */
public final class CachingReactiveJwtDecoders {

  private CachingReactiveJwtDecoders() {}

  public static ReactiveJwtDecoder caching(ReactiveJwtDecoder delegate, Clock clock) {
    VerifiedTokenCache cache = new VerifiedTokenCache(clock, CachingJwtDecoders.LONGEST_LIFETIME);
    return token -> {
      Jwt cached = cache.get(token);
      if (cached != null) {
        return Mono.just(cached);
      }
      return delegate.decode(token).doOnNext(jwt -> cache.remember(token, jwt));
    };
  }
}
