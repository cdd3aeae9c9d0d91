package io.stride.platform.migrations;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs the platform's migrations with their own history ({@value #HISTORY}) in the service's
 * schema, then the service's own migrations with the service's history: platform versions ({@code
 * V0_n}) and service versions ({@code Vn}) are independent, so a new platform migration applies to
 * a service already at any version (docs/adr/0011-platform-migrations-and-paging.md).
 *
 * <p>Databases from before the split recorded the platform's 0.1 in the service history. For them
 * the platform history starts as a baseline at 0.1 and the old row leaves the service history (that
 * one row, matched by version and script), so neither history finds a migration it cannot resolve.
 */
public final class PlatformMigrations {

  static final String HISTORY = "flyway_platform_history";
  static final String LEGACY_VERSION = "0.1";
  static final String LEGACY_SCRIPT = "V0_1__create_outbox_and_inbox.sql";

  private final List<String> locations;

  public PlatformMigrations(List<String> locations) {
    this.locations = List.copyOf(locations);
  }

  /** The platform's migrations, then those {@code service} is configured with. */
  public void migrate(Flyway service) {
    Configuration config = service.getConfiguration();
    Histories histories = new Histories(config.getDataSource(), schema(config), config.getTable());
    boolean legacy = histories.serviceHasLegacyPlatformRow();
    Flyway platform = platform(config, legacy && !histories.platformExists());
    if (legacy && !histories.platformExists()) {
      platform.baseline();
    }
    platform.migrate();
    if (legacy) {
      histories.removeLegacyPlatformRow();
    }
    if (histories.serviceExists()) {
      service.migrate();
    } else {
      // the schema already holds the platform's tables: start the service history empty, at 0
      Flyway.configure(config.getClassLoader())
          .configuration(config)
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .baselineDescription("nothing but platform tables")
          .load()
          .migrate();
    }
  }

  private Flyway platform(Configuration service, boolean baselineAtLegacy) {
    var platform =
        Flyway.configure(service.getClassLoader())
            .configuration(service)
            .locations(locations.toArray(String[]::new))
            .table(HISTORY)
            .javaMigrations(new JavaMigration[0])
            .target("latest")
            .baselineOnMigrate(false);
    if (baselineAtLegacy) {
      platform
          .baselineVersion(LEGACY_VERSION)
          .baselineDescription("create outbox and inbox (applied in the service history)");
    }
    return platform.load();
  }

  private static String schema(Configuration config) {
    if (config.getDefaultSchema() != null) {
      return config.getDefaultSchema();
    }
    return config.getSchemas().length > 0 ? config.getSchemas()[0] : "public";
  }

  /** What the two history tables of one schema say. */
  private static final class Histories {

    private final JdbcTemplate jdbc;
    private final String schema;
    private final String serviceTable;

    Histories(DataSource dataSource, String schema, String serviceTable) {
      this.jdbc = new JdbcTemplate(dataSource);
      this.schema = schema;
      this.serviceTable = serviceTable;
    }

    boolean platformExists() {
      return exists(HISTORY);
    }

    boolean serviceExists() {
      return exists(serviceTable);
    }

    boolean serviceHasLegacyPlatformRow() {
      return serviceExists()
          && jdbc.queryForObject(
                  "select count(*) from "
                      + qualified(serviceTable)
                      + " where version = ? and script = ?",
                  Integer.class,
                  LEGACY_VERSION,
                  LEGACY_SCRIPT)
              > 0;
    }

    void removeLegacyPlatformRow() {
      jdbc.update(
          "delete from " + qualified(serviceTable) + " where version = ? and script = ?",
          LEGACY_VERSION,
          LEGACY_SCRIPT);
    }

    private boolean exists(String table) {
      return jdbc.queryForObject(
          "select to_regclass(?) is not null", Boolean.class, qualified(table));
    }

    private String qualified(String table) {
      return '"' + schema + "\".\"" + table + '"';
    }
  }
}
