package io.stride.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfrastructureIntegrationTests {

  @TempDir Path directory;

  @Test
  void postgresKeepsDataAcrossRestartsInItsDataDirectory() throws Exception {
    Path data = directory.resolve("pg");
    try (PostgresServer first = PostgresServer.start(data, 0);
        Connection connection = first.dataSource().getConnection()) {
      connection.createStatement().execute("create table kept(value text)");
      connection.createStatement().execute("insert into kept values ('still here')");
    }
    try (PostgresServer second = PostgresServer.start(data, 0);
        Connection connection = second.dataSource().getConnection()) {
      ResultSet rows = connection.createStatement().executeQuery("select value from kept");
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("still here");
    }
  }

  @Test
  void kafkaBrokerDeliversMessagesAndKeepsThemAcrossARestart() {
    try (KafkaBroker broker =
        KafkaBroker.start(directory.resolve("kafka"), 0, System.getProperty("java.class.path"))) {
      send(broker, "hello");
      broker.stop();
      assertThat(broker.isRunning()).isFalse();
      broker.start();
      send(broker, "again");
      assertThat(readAll(broker)).containsExactly("hello", "again");
    }
  }

  private static void send(KafkaBroker broker, String value) {
    Map<String, Object> config =
        Map.of("bootstrap.servers", broker.bootstrapServers(), "acks", "all");
    try (var producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>("infra-test", "key", value)).get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> readAll(KafkaBroker broker) {
    Map<String, Object> config =
        Map.of(
            "bootstrap.servers", broker.bootstrapServers(),
            "group.id", "infra-test",
            "auto.offset.reset", "earliest");
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("infra-test"));
      var values = new java.util.ArrayList<String>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.size() < 2 && System.nanoTime() < deadline) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        records.forEach(record -> values.add(record.value()));
      }
      return values;
    }
  }
}
