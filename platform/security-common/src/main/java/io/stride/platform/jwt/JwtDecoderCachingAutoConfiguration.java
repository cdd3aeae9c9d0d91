package io.stride.platform.jwt;

import java.time.Clock;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Puts the verified-token cache in front of whatever JWT decoder the application configured
 * (servlet or reactive). {@code stride.security.jwt-cache.enabled=false} switches it off.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "stride.security.jwt-cache.enabled", matchIfMissing = true)
public class JwtDecoderCachingAutoConfiguration {

  @Bean
  static BeanPostProcessor strideCachingJwtDecoders() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof JwtDecoder decoder) {
          return CachingJwtDecoders.caching(decoder, Clock.systemUTC());
        }
        if (REACTIVE && bean instanceof ReactiveJwtDecoder decoder) {
          return CachingReactiveJwtDecoders.caching(decoder, Clock.systemUTC());
        }
        return bean;
      }
    };
  }

  private static final boolean REACTIVE =
      org.springframework.util.ClassUtils.isPresent(
          "reactor.core.publisher.Mono", JwtDecoderCachingAutoConfiguration.class.getClassLoader());
}
