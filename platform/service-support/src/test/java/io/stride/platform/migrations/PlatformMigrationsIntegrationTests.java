package io.stride.platform.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stride.infra.PostgresServer;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The platform's migrations keep their own history in the service's schema, so one released after a
 * service's V2 still applies; schemas migrated in one history before the split keep working.
 */
class PlatformMigrationsIntegrationTests {

  private static final String SERVICE = "classpath:db/test-service";
  private static final String PLATFORM = "classpath:db/platform";
  private static final String PLATFORM_NEXT = "classpath:db/platform-next";

  private static PostgresServer postgres;
  private static DataSource dataSource;
  private static JdbcTemplate jdbc;

  @BeforeAll
  static void startPostgres() {
    postgres = PostgresServer.start(null, 0);
    dataSource = postgres.dataSource();
    jdbc = new JdbcTemplate(dataSource);
  }

  @AfterAll
  static void stopPostgres() {
    postgres.close();
  }

  @Test
  void aNewSchemaGetsThePlatformTablesFirstThenTheServiceTables() {
    String schema = newSchema();
    start(schema, PLATFORM);

    assertThat(applied(schema, PlatformMigrations.HISTORY))
        .containsExactly("0.1", "0.2", "0.3", "0.4", "0.5");
    assertThat(applied(schema, "flyway_schema_history")).containsExactly("0", "1", "2");
    assertThat(exists(schema, "outbox_event")).isTrue();
    assertThat(exists(schema, "idempotency_record")).isTrue();
    assertThat(exists(schema, "thing")).isTrue();
  }

  @Test
  void aPlatformMigrationReleasedAfterTheServiceReachedV2IsApplied() {
    String schema = newSchema();
    start(schema, PLATFORM);

    start(schema, PLATFORM, PLATFORM_NEXT);

    assertThat(applied(schema, PlatformMigrations.HISTORY))
        .containsExactly("0.1", "0.2", "0.3", "0.4", "0.5", "0.9");
    assertThat(exists(schema, "platform_probe")).isTrue();
    assertThat(applied(schema, "flyway_schema_history")).containsExactly("0", "1", "2");
  }

  @Test
  void inOneSharedHistoryThatPlatformMigrationWouldHaveBeenRefused() {
    String schema = newSchema();
    migrateTheOldWay(schema);

    assertThatThrownBy(
            () -> flyway(schema).locations(SERVICE, PLATFORM, PLATFORM_NEXT).load().migrate())
        .isInstanceOf(FlywayValidateException.class)
        .hasMessageContaining("0.2");
  }

  @Test
  void aSchemaMigratedBeforeTheSplitKeepsItsDataAndGetsNewPlatformMigrations() {
    String schema = newSchema();
    migrateTheOldWay(schema);
    UUID event = UUID.randomUUID();
    jdbc.update(
        "insert into \""
            + schema
            + "\".outbox_event (id, topic, message_key, event_type, envelope)"
            + " values (?, 't', 'k', 'T', '{}'::jsonb)",
        event);

    start(schema, PLATFORM, PLATFORM_NEXT);

    assertThat(history(schema, PlatformMigrations.HISTORY))
        .containsExactly("0.1 BASELINE", "0.2 SQL", "0.3 SQL", "0.4 SQL", "0.5 SQL", "0.9 SQL");
    assertThat(applied(schema, "flyway_schema_history"))
        .as("the platform's old row left the service history, nothing else did")
        .containsExactly("1", "2");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from \"" + schema + "\".outbox_event where id = ?",
                Integer.class,
                event))
        .isEqualTo(1);

    start(schema, PLATFORM, PLATFORM_NEXT);
    assertThat(history(schema, PlatformMigrations.HISTORY))
        .as("a second start changes nothing")
        .containsExactly("0.1 BASELINE", "0.2 SQL", "0.3 SQL", "0.4 SQL", "0.5 SQL", "0.9 SQL");
  }

  /** One history for both, as every service ran until the split: platform 0.1, then V1 and V2. */
  private static void migrateTheOldWay(String schema) {
    flyway(schema).locations(SERVICE, PLATFORM).target("0.1").load().migrate();
    // the old layout had no platform 0.2; the test-only ignore keeps Flyway from asking for 0.1
    flyway(schema).locations(SERVICE).ignoreMigrationPatterns("*:missing").load().migrate();
    assertThat(applied(schema, "flyway_schema_history")).containsExactly("0.1", "1", "2");
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String schema) {
    return Flyway.configure()
        .dataSource(dataSource)
        .schemas(schema)
        .defaultSchema(schema)
        .createSchemas(true);
  }

  private static void start(String schema, String... platformLocations) {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                FlywayAutoConfiguration.class, PlatformMigrationsAutoConfiguration.class))
        .withBean(DataSource.class, () -> dataSource)
        .withPropertyValues(
            "spring.flyway.schemas=" + schema,
            "spring.flyway.default-schema=" + schema,
            "spring.flyway.create-schemas=true",
            "spring.flyway.locations=" + SERVICE,
            "stride.platform.migrations.locations=" + String.join(",", platformLocations))
        .run(context -> assertThat(context).hasNotFailed());
  }

  /** Versions recorded as applied (SQL or baseline), schema-creation markers left out. */
  private static List<String> applied(String schema, String table) {
    return jdbc.queryForList(
        "select version from \""
            + schema
            + "\"."
            + table
            + " where success and type <> 'SCHEMA' order by installed_rank",
        String.class);
  }

  private static List<String> history(String schema, String table) {
    return jdbc.queryForList(
        "select version || ' ' || type from \""
            + schema
            + "\"."
            + table
            + " where type <> 'SCHEMA' order by installed_rank",
        String.class);
  }

  private static boolean exists(String schema, String table) {
    return jdbc.queryForObject(
        "select to_regclass(?) is not null", Boolean.class, schema + "." + table);
  }

  private static String newSchema() {
    return "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
