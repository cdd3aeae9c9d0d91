package io.stride.platform.test;

import io.stride.infra.KafkaBroker;
import io.stride.infra.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real PostgreSQL and one real Kafka broker per test JVM, started on first use and shared by
 * every test in it. Both run from Maven Central artifacts, so no Docker is needed.
 */
public final class StrideInfrastructure {

  private static StrideInfrastructure instance;

  private final PostgresServer postgres;
  private final KafkaBroker kafka;

  private StrideInfrastructure(PostgresServer postgres, KafkaBroker kafka) {
    this.postgres = postgres;
    this.kafka = kafka;
  }

  public static synchronized StrideInfrastructure get() {
    if (instance == null) {
      try {
        Path root = Files.createTempDirectory("stride-test-infra");
        PostgresServer postgres = PostgresServer.start(null, 0);
        KafkaBroker kafka =
            KafkaBroker.start(root.resolve("kafka"), 0, System.getProperty("java.class.path"));
        instance = new StrideInfrastructure(postgres, kafka);
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      kafka.close();
                      postgres.close();
                    },
                    "stop-test-infrastructure"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  public PostgresServer postgres() {
    return postgres;
  }

  public KafkaBroker kafka() {
    return kafka;
  }
}
