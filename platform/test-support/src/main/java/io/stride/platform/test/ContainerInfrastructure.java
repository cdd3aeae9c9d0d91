package io.stride.platform.test;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL 17 and a KRaft Kafka broker as Testcontainers, for machines with a Docker engine. The
 * same versions as the embedded path; the containers live as long as the test JVM (Ryuk removes
 * them afterwards).
 */
final class ContainerInfrastructure {

  static final DockerImageName POSTGRES = DockerImageName.parse("postgres:17-alpine");
  static final DockerImageName KAFKA = DockerImageName.parse("apache/kafka:4.1.1");

  private final PostgreSQLContainer postgres;
  private final KafkaContainer kafka;

  private ContainerInfrastructure(PostgreSQLContainer postgres, KafkaContainer kafka) {
    this.postgres = postgres;
    this.kafka = kafka;
  }

  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError notThere) {
      return false;
    }
  }

  @SuppressWarnings("resource") // closed by Testcontainers' reaper when the JVM ends
  static ContainerInfrastructure start() {
    PostgreSQLContainer postgres =
        new PostgreSQLContainer(POSTGRES)
            .withDatabaseName("stride")
            .withUsername("postgres")
            .withPassword("stride-test");
    KafkaContainer kafka = new KafkaContainer(KAFKA);
    postgres.start();
    kafka.start();
    return new ContainerInfrastructure(postgres, kafka);
  }

  String jdbcUrl() {
    return postgres.getJdbcUrl();
  }

  String user() {
    return postgres.getUsername();
  }

  String password() {
    return postgres.getPassword();
  }

  String bootstrapServers() {
    return kafka.getBootstrapServers();
  }
}
