package io.stride.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.auth.AccountContactChanged;
import io.stride.contracts.auth.AuthTopics;
import io.stride.platform.migrations.PlatformMigrations;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideInfrastructure;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accounts from before email verification: migration V3 writes one {@code AccountContactChanged}
 * (not verified, version 1) per account into the outbox, shaped as the platform's publisher shapes
 * events, and the relay sends it. The service starts here on a schema of its own that was left at
 * V2 with an account in it, as a database from before the change would be.
 */
@StrideIntegrationTest
@TestPropertySource(properties = "stride.service.schema=" + ContactBackfillIntegrationTests.SCHEMA)
class ContactBackfillIntegrationTests {

  static final String SCHEMA = "auth_before_v3";
  static final UUID EXISTING = UUID.randomUUID();
  static final String EXISTING_EMAIL = "Old.Timer-" + EXISTING + "@Example.com";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  /** Runs before the service (and its Flyway) starts: the schema at V2, with one account. */
  @BeforeAll
  static void aDatabaseFromBeforeVerificationWithAnAccount() {
    StrideInfrastructure infrastructure = StrideInfrastructure.get();
    DriverManagerDataSource database =
        new DriverManagerDataSource(
            infrastructure.jdbcUrl(),
            infrastructure.databaseUser(),
            infrastructure.databasePassword());
    JdbcTemplate admin = new JdbcTemplate(database);
    admin.execute("drop schema if exists " + SCHEMA + " cascade");
    Flyway atV2 =
        Flyway.configure()
            .dataSource(database)
            .schemas(SCHEMA)
            .defaultSchema(SCHEMA)
            .locations("classpath:db/migration")
            .target("2")
            .load();
    new PlatformMigrations(List.of("classpath:db/platform")).migrate(atV2);
    admin.update(
        "insert into "
            + SCHEMA
            + ".account (id, email, email_normalized, password_hash, display_name, enabled,"
            + " created_at) values (?, ?, lower(?), '{bcrypt}x', 'Old Timer', true, now())",
        EXISTING,
        EXISTING_EMAIL,
        EXISTING_EMAIL);
  }

  @Test
  void anAccountFromBeforeIsAnnouncedOnceAsUnverifiedVersion1() {
    try (TopicReader emails = new TopicReader(AuthTopics.ACCOUNT_EMAILS.name())) {
      List<ConsumerRecord<String, String>> relayed =
          emails.await(
              AuthTestSupport.eventOf("AccountContactChanged", EXISTING.toString()),
              Duration.ofSeconds(20));
      assertThat(relayed).hasSize(1);
      EventEnvelope<AccountContactChanged> envelope = read(relayed.get(0).value());
      assertThat(envelope.type()).isEqualTo("AccountContactChanged");
      assertThat(envelope.source()).isEqualTo("auth-service");
      assertThat(envelope.subject()).isEqualTo(EXISTING.toString());
      assertThat(envelope.schemaVersion()).isEqualTo(1);
      assertThat(envelope.payload())
          .isEqualTo(new AccountContactChanged(EXISTING, EXISTING_EMAIL, false, 1));
      assertThat(
              new String(
                  relayed.get(0).headers().lastHeader("stride-event-id").value(),
                  StandardCharsets.UTF_8))
          .isEqualTo(envelope.id().toString());
    }
    assertThat(
            jdbc.queryForMap(
                "select email_verified, contact_version from " + SCHEMA + ".account where id = ?",
                EXISTING))
        .containsEntry("email_verified", false)
        .containsEntry("contact_version", 1L);
  }

  @Test
  void theBackfilledEventHasTheShapeOfOneThePublisherWrites() {
    String email = AuthTestSupport.registered(new HttpJson("http://127.0.0.1:" + port));
    String published =
        jdbc.queryForObject(
            "select envelope::text from "
                + SCHEMA
                + ".outbox_event o join "
                + SCHEMA
                + ".account a on a.id::text = o.message_key"
                + " where a.email = ? and o.event_type = 'AccountContactChanged'",
            String.class,
            email);
    String backfilled =
        jdbc.queryForObject(
            "select envelope::text from "
                + SCHEMA
                + ".outbox_event where message_key = ? and event_type = 'AccountContactChanged'",
            String.class,
            EXISTING.toString());

    assertThat(shape(HttpJson.parse(backfilled))).isEqualTo(shape(HttpJson.parse(published)));
    assertThat(read(backfilled).time()).as("when the migration ran").isBefore(Instant.now());
    assertThat(read(published).payload().email()).isEqualTo(email);
  }

  private static EventEnvelope<AccountContactChanged> read(String json) {
    return JsonMapper.builder()
        .build()
        .readValue(json, new TypeReference<EventEnvelope<AccountContactChanged>>() {});
  }

  /** Every field's path with its JSON type; what the trace holds depends on the request. */
  private static Map<String, String> shape(JsonNode envelope) {
    Map<String, String> shape = new TreeMap<>();
    collect("", envelope, shape);
    shape.keySet().removeIf(path -> path.startsWith("trace."));
    return shape;
  }

  private static void collect(String path, JsonNode node, Map<String, String> shape) {
    shape.put(path.isEmpty() ? "$" : path, node.getNodeType().name());
    if (node.isObject()) {
      for (Iterator<String> names = node.propertyNames().iterator(); names.hasNext(); ) {
        String name = names.next();
        collect(path.isEmpty() ? name : path + "." + name, node.get(name), shape);
      }
    }
  }
}
