package io.stride.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), run from the {@code
 * kafka_2.13} jars on Maven Central as a child JVM. Stopping and starting it again keeps its port
 * and data, which is what the "broker is down" tests need.
 */
public final class KafkaBroker implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Path directory;
  private final int port;
  private final int controllerPort;
  private final String classpath;
  private ManagedProcess process;

  private KafkaBroker(Path directory, int port, int controllerPort, String classpath) {
    this.directory = directory;
    this.port = port;
    this.controllerPort = controllerPort;
    this.classpath = classpath;
  }

  /**
   * Formats storage on first use and starts the broker.
   *
   * @param directory holds the configuration, the log and the data; kept between runs
   * @param port client port, {@code 0} for any free port
   * @param classpath a classpath holding {@code kafka_2.13} and its dependencies
   */
  public static KafkaBroker start(Path directory, int port, String classpath) {
    int clientPort = port == 0 ? FreePorts.find() : port;
    int controllerPort = FreePorts.find();
    KafkaBroker broker = new KafkaBroker(directory, clientPort, controllerPort, classpath);
    broker.start();
    return broker;
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Starts the broker again after {@link #stop()}, on the same port and with the same data. */
  public synchronized void start() {
    if (isRunning()) {
      return;
    }
    try {
      Files.createDirectories(directory);
      Path config = writeConfig();
      if (!Files.exists(directory.resolve("data").resolve("meta.properties"))) {
        ManagedProcess.run(
            "kafka-storage-format",
            command(
                "kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", config.toString()),
            directory.resolve("format.log"),
            Duration.ofSeconds(60));
      }
      process =
          ManagedProcess.start(
              "kafka",
              command("kafka.Kafka", config.toString()),
              Map.of(),
              directory.resolve("kafka.log"));
      awaitReady();
    } catch (IOException e) {
      throw new UncheckedIOException("Kafka did not start", e);
    }
  }

  /** Stops the broker gracefully; {@link #start()} brings it back. */
  public synchronized void stop() {
    if (process != null) {
      process.close();
      process = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  private List<String> command(String mainClass, String... arguments) {
    List<String> command =
        ManagedProcess.javaCommand(
            List.of(
                "-Xms128m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + directory.resolve("log4j2.properties"),
                "-Dlogback.configurationFile=" + directory.resolve("logback.xml")),
            classpath);
    command.add(mainClass);
    command.addAll(List.of(arguments));
    return command;
  }

  private String clusterId() throws IOException {
    Path idFile = directory.resolve("cluster.id");
    if (!Files.exists(idFile)) {
      Files.writeString(idFile, Uuid.randomUuid().toString());
    }
    return Files.readString(idFile).trim();
  }

  private Path writeConfig() throws IOException {
    Properties properties = new Properties();
    properties.put("process.roles", "broker,controller");
    properties.put("node.id", "1");
    properties.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    properties.put(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    properties.put("controller.listener.names", "CONTROLLER");
    properties.put("inter.broker.listener.name", "PLAINTEXT");
    properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    properties.put("log.dirs", directory.resolve("data").toString());
    properties.put("num.partitions", "3");
    properties.put("auto.create.topics.enable", "true");
    properties.put("offsets.topic.replication.factor", "1");
    properties.put("offsets.topic.num.partitions", "3");
    properties.put("transaction.state.log.replication.factor", "1");
    properties.put("transaction.state.log.min.isr", "1");
    properties.put("share.coordinator.state.topic.replication.factor", "1");
    properties.put("group.initial.rebalance.delay.ms", "0");
    Path config = directory.resolve("server.properties");
    try (var out = Files.newBufferedWriter(config)) {
      properties.store(out, "written by Stride's KafkaBroker");
    }
    Files.writeString(
        directory.resolve("log4j2.properties"),
        """
        rootLogger.level = WARN
        rootLogger.appenderRef.stdout.ref = STDOUT
        appender.stdout.type = Console
        appender.stdout.name = STDOUT
        appender.stdout.layout.type = PatternLayout
        appender.stdout.layout.pattern = %d %p %c{1} %m%n
        logger.kafka.name = kafka.server.KafkaRaftServer
        logger.kafka.level = INFO
        """);
    Files.writeString(
        directory.resolve("logback.xml"),
        """
        <configuration>
          <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>%d %level %logger{20} %msg%n</pattern></encoder>
          </appender>
          <root level="WARN"><appender-ref ref="OUT"/></root>
        </configuration>
        """);
    return config;
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Kafka exited while starting:\n" + process.logTail(40));
      }
      if (!isListening()) {
        sleep();
        continue;
      }
      try (Admin admin = Admin.create(config)) {
        if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
          return;
        }
      } catch (Exception notYet) {
        sleep();
      }
    }
    throw new IllegalStateException("Kafka not ready after " + START_TIMEOUT);
  }

  private boolean isListening() {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
