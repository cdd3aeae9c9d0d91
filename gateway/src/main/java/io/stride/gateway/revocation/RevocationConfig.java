package io.stride.gateway.revocation;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** Access tokens revoked before they expire, at the edge (ADR 0040). */
@Configuration
public class RevocationConfig {

  @Bean
  Revocations revocations(@Value("${stride.gateway.revocations.keep:16m}") Duration keep) {
    return new Revocations(keep);
  }

  @Bean
  @ConditionalOnProperty(
      name = "stride.gateway.revocations.enabled",
      havingValue = "true",
      matchIfMissing = true)
  RevocationFeed revocationFeed(
      Revocations revocations, ConsumerFactory<?, ?> kafka, MeterRegistry meters) {
    return new RevocationFeed(
        revocations, kafka.getConfigurationProperties(), Clock.systemUTC(), meters);
  }

  /** The decoder the edge uses: signature, expiry, issuer and audience, then revocations. */
  public static ReactiveJwtDecoder refusingRevoked(
      ReactiveJwtDecoder decoder, Revocations revocations) {
    return token ->
        decoder
            .decode(token)
            .flatMap(
                jwt ->
                    revocations.revoked(jwt)
                        ? Mono.error(
                            new JwtValidationException(
                                "The token was revoked",
                                List.of(
                                    new OAuth2Error(
                                        "invalid_token",
                                        "The token was revoked (the account was deleted, its"
                                            + " password reset, or the app disconnected)",
                                        null))))
                        : Mono.just(jwt));
  }
}
