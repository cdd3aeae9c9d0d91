package io.stride.platform.migrations;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the platform's migrations live ({@code stride.platform.migrations.locations}); tests may
 * add a location.
 */
@ConfigurationProperties("stride.platform.migrations")
record PlatformMigrationsProperties(
    @DefaultValue("classpath:db/platform") List<String> locations) {}
