package io.stride.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.catalog.Service;
import io.stride.catalog.ServiceCatalog;
import io.stride.infra.PostgresServer;
import io.stride.platform.test.ExternalCommand;
import io.stride.platform.test.MissingTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Compose gives each service its own PostgreSQL role owning only its schema, as the local stack and
 * Kubernetes do: the roles are the catalog's schemas, each service logs in as its own, and the init
 * script really creates them (run here with psql against a real PostgreSQL).
 */
class ComposeDatabaseRolesTests {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path INIT_SCRIPT = ROOT.resolve("docker/postgres-init/10-service-roles.sh");

  private final ServiceCatalog catalog = ServiceCatalog.load();
  private final ComposeFile compose = ComposeFile.load();
  private final Map<String, Map<String, Object>> services = compose.services();

  @Test
  void everyServiceLogsInAsTheRoleNamedAfterItsSchemaWithItsOwnPassword() throws Exception {
    Map<String, String> postgres = environment("postgres");
    List<String> schemas =
        catalog.services().stream().map(Service::schema).filter(s -> s != null).toList();
    assertThat(Arrays.asList(postgres.get("STRIDE_SERVICE_ROLES").split("\\s+")))
        .as("the roles the init script creates are the catalog's schemas")
        .containsExactlyInAnyOrderElementsOf(schemas);
    String example = Files.readString(ROOT.resolve(".env.example"));
    for (Service service : catalog.services()) {
      if (service.schema() == null) {
        continue;
      }
      String variable = service.schema().toUpperCase(Locale.ROOT) + "_DB_PASSWORD";
      assertThat(environment(service.name()))
          .as(service.name())
          .containsEntry("STRIDE_DB_USER", service.schema())
          .hasEntrySatisfying(
              "STRIDE_DB_PASSWORD", v -> assertThat(v).startsWith("${" + variable + ":?"));
      assertThat(postgres)
          .hasEntrySatisfying(variable, v -> assertThat(v).startsWith("${" + variable + ":?"));
      assertThat(example).contains(variable + "=");
    }
    assertThat(String.valueOf(services.get("postgres").get("volumes")))
        .contains("./docker/postgres-init:/docker-entrypoint-initdb.d:ro");
    assertThat(Files.isExecutable(INIT_SCRIPT)).as("init script executable").isTrue();
  }

  @Test
  void theInitScriptCreatesLoginRolesThatOwnOnlyTheirSchemas() throws Exception {
    if (!ExternalCommand.answers("psql", "--version")) {
      MissingTool.skipOrFail(
          "psql is not installed (Debian: apt-get install postgresql-client)",
          "STRIDE_COMPOSE_TESTS");
    }
    List<String> schemas =
        catalog.services().stream().map(Service::schema).filter(s -> s != null).toList();
    try (PostgresServer server = PostgresServer.start(null, 0)) {
      Map<String, String> env = new HashMap<>();
      env.put("PGHOST", "127.0.0.1");
      env.put("PGPORT", Integer.toString(server.port()));
      env.put("POSTGRES_USER", PostgresServer.USER);
      env.put("POSTGRES_DB", PostgresServer.DATABASE);
      env.put("STRIDE_SERVICE_ROLES", String.join(" ", schemas));
      schemas.forEach(
          schema ->
              env.put(schema.toUpperCase(Locale.ROOT) + "_DB_PASSWORD", "pw-'" + schema + "-x"));
      ExternalCommand.Result run =
          ExternalCommand.run(
              ROOT, env, Duration.ofMinutes(1), List.of("bash", INIT_SCRIPT.toString()));
      assertThat(run.succeeded()).as(run.describe()).isTrue();
      try (Connection connection = server.dataSource().getConnection()) {
        for (String schema : schemas) {
          ResultSet role =
              connection
                  .createStatement()
                  .executeQuery(
                      "select rolcanlogin, rolsuper, rolcreatedb, rolcreaterole from pg_roles"
                          + " where rolname = '"
                          + schema
                          + "'");
          assertThat(role.next()).as("role " + schema).isTrue();
          assertThat(role.getBoolean(1)).as(schema + " logs in").isTrue();
          assertThat(role.getBoolean(2) || role.getBoolean(3) || role.getBoolean(4))
              .as(schema + " has no superuser, createdb or createrole")
              .isFalse();
          ResultSet owner =
              connection
                  .createStatement()
                  .executeQuery(
                      "select pg_get_userbyid(nspowner) from pg_namespace where nspname = '"
                          + schema
                          + "'");
          assertThat(owner.next()).as("schema " + schema).isTrue();
          assertThat(owner.getString(1)).isEqualTo(schema);
        }
      }
    }
  }

  private Map<String, String> environment(String service) {
    return compose.environment(service);
  }
}
