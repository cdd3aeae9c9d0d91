package io.stride.platform.idempotency;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link IdempotencyKeys} for every service with a database. */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
      "io.stride.platform.config.CoreAutoConfiguration"
    })
@ConditionalOnBean(JdbcClient.class)
public class IdempotencyAutoConfiguration {

  @Bean
  IdempotencyKeys strideIdempotencyKeys(JdbcClient jdbc, Clock clock) {
    return new IdempotencyKeys(jdbc, clock);
  }
}
