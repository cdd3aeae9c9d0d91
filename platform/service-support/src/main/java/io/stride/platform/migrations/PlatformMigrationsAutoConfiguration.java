package io.stride.platform.migrations;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * Boot's Flyway runs the service's migrations ({@code classpath:db/migration}); this strategy runs
 * the platform's first, with their own history ({@link PlatformMigrations}). A service that needs
 * its own strategy calls {@link PlatformMigrations#migrate} from it.
 */
@AutoConfiguration(before = FlywayAutoConfiguration.class)
@ConditionalOnClass(Flyway.class)
@EnableConfigurationProperties(PlatformMigrationsProperties.class)
public class PlatformMigrationsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  FlywayMigrationStrategy stridePlatformMigrationsFirst(PlatformMigrationsProperties properties) {
    return new PlatformMigrations(properties.locations())::migrate;
  }
}
