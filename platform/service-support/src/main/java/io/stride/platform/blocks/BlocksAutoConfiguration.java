package io.stride.platform.blocks;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link BlockedPairs} for every service with a database. */
@AutoConfiguration(
    afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration")
@ConditionalOnBean(JdbcClient.class)
public class BlocksAutoConfiguration {

  @Bean
  BlockedPairs strideBlockedPairs(JdbcClient jdbc) {
    return new BlockedPairs(jdbc);
  }
}
