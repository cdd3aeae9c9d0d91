package io.stride.platform.erasure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link PlatformErasure} for every service with a database. */
@AutoConfiguration(
    afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration")
@ConditionalOnBean(JdbcTemplate.class)
public class ErasureAutoConfiguration {

  @Bean
  PlatformErasure stridePlatformErasure(JdbcTemplate jdbc) {
    return new PlatformErasure(jdbc);
  }
}
