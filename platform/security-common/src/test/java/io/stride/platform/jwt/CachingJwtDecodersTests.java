package io.stride.platform.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class CachingJwtDecodersTests {

  static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  final AtomicInteger verifications = new AtomicInteger();

  JwtDecoder verifier(Instant expiresAt) {
    return token -> {
      verifications.incrementAndGet();
      if (token.startsWith("bad")) {
        throw new BadJwtException("signature invalid");
      }
      return Jwt.withTokenValue(token)
          .header("alg", "RS256")
          .subject("u")
          .issuedAt(NOW.minusSeconds(60))
          .expiresAt(expiresAt)
          .build();
    };
  }

  @Test
  void aValidTokenIsVerifiedOnceAndThenServedFromTheCache() {
    JwtDecoder decoder =
        CachingJwtDecoders.caching(
            verifier(NOW.plusSeconds(600)), Clock.fixed(NOW, ZoneOffset.UTC));
    Jwt first = decoder.decode("token-a");
    Jwt second = decoder.decode("token-a");
    assertThat(second).isSameAs(first);
    assertThat(verifications).hasValue(1);
  }

  @Test
  void rejectedTokensAreNeverCachedAndFailEveryTime() {
    JwtDecoder decoder =
        CachingJwtDecoders.caching(
            verifier(NOW.plusSeconds(600)), Clock.fixed(NOW, ZoneOffset.UTC));
    assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);
    assertThat(verifications).hasValue(2);
  }

  @Test
  void aCachedTokenIsVerifiedAgainOnceItHasExpired() {
    MutableClock clock = new MutableClock(NOW);
    JwtDecoder decoder = CachingJwtDecoders.caching(verifier(NOW.plusSeconds(60)), clock);
    decoder.decode("token-b");
    clock.now = NOW.plus(Duration.ofSeconds(61));
    decoder.decode("token-b");
    assertThat(verifications).hasValue(2);
  }

  static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
