package io.stride.platform.test;

import io.stride.infra.KafkaBroker;
import io.stride.infra.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real PostgreSQL and one real Kafka broker per test JVM, started on first use and shared by
 * every test in it. By default both run from Maven Central artifacts, so no Docker is needed;
 * {@code -Dstride.test.infrastructure=testcontainers} (or {@code auto}: containers where a Docker
 * engine answers) runs them as Testcontainers instead ({@link InfrastructureMode}, ADR 0002).
 */
public final class StrideInfrastructure {

  private static StrideInfrastructure instance;

  private final InfrastructureMode mode;
  private final String jdbcUrl;
  private final String databaseUser;
  private final String databasePassword;
  private final String kafkaBootstrapServers;
  private final PostgresServer postgres;
  private final KafkaBroker kafka;

  private StrideInfrastructure(
      InfrastructureMode mode,
      String jdbcUrl,
      String databaseUser,
      String databasePassword,
      String kafkaBootstrapServers,
      PostgresServer postgres,
      KafkaBroker kafka) {
    this.mode = mode;
    this.jdbcUrl = jdbcUrl;
    this.databaseUser = databaseUser;
    this.databasePassword = databasePassword;
    this.kafkaBootstrapServers = kafkaBootstrapServers;
    this.postgres = postgres;
    this.kafka = kafka;
  }

  public static synchronized StrideInfrastructure get() {
    if (instance == null) {
      InfrastructureMode mode = InfrastructureMode.chosen();
      instance = mode == InfrastructureMode.TESTCONTAINERS ? containers() : embedded();
    }
    return instance;
  }

  private static StrideInfrastructure embedded() {
    try {
      Path root = Files.createTempDirectory("stride-test-infra");
      PostgresServer postgres = PostgresServer.start(null, 0);
      KafkaBroker kafka =
          KafkaBroker.start(root.resolve("kafka"), 0, System.getProperty("java.class.path"));
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    kafka.close();
                    postgres.close();
                  },
                  "stop-test-infrastructure"));
      return new StrideInfrastructure(
          InfrastructureMode.EMBEDDED,
          postgres.jdbcUrl(),
          PostgresServer.USER,
          "",
          kafka.bootstrapServers(),
          postgres,
          kafka);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static StrideInfrastructure containers() {
    ContainerInfrastructure containers = ContainerInfrastructure.start();
    return new StrideInfrastructure(
        InfrastructureMode.TESTCONTAINERS,
        containers.jdbcUrl(),
        containers.user(),
        containers.password(),
        containers.bootstrapServers(),
        null,
        null);
  }

  public InfrastructureMode mode() {
    return mode;
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  public String databaseUser() {
    return databaseUser;
  }

  public String databasePassword() {
    return databasePassword;
  }

  public String kafkaBootstrapServers() {
    return kafkaBootstrapServers;
  }

  /** The embedded PostgreSQL, for tests that stop or inspect the server itself. */
  public PostgresServer postgres() {
    return requireEmbedded(postgres, "PostgreSQL server");
  }

  /** The embedded broker, for tests that stop and restart it. */
  public KafkaBroker kafka() {
    return requireEmbedded(kafka, "Kafka broker");
  }

  private <T> T requireEmbedded(T server, String what) {
    if (server == null) {
      throw new IllegalStateException(
          "This test needs the embedded " + what + "; it runs with " + mode + " infrastructure");
    }
    return server;
  }
}
