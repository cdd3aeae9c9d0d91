package io.stride.localstack;

import io.stride.catalog.Service;
import io.stride.infra.KafkaBroker;
import io.stride.infra.ManagedProcess;
import io.stride.infra.PhysicalBackup;
import io.stride.infra.PostgresServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The whole platform on one machine: embedded PostgreSQL and Kafka and a local SMTP server, then
 * every service and the gateway as their own JVMs from the runnable jars the build made. Used by
 * the local run command and by the system tests.
 */
public final class LocalStack implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final StackConfig config;
  private final Map<String, String> secrets;
  private final Map<String, ServiceSpec> services = new LinkedHashMap<>();
  private final Map<String, ManagedProcess> running = new HashMap<>();
  private final Map<String, Duration> readyAfter = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Set<String> withoutArchive =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
  private PostgresServer postgres;
  private KafkaBroker kafka;
  private LocalMail mail;

  private LocalStack(StackConfig config) {
    this.config = config;
    this.secrets = LocalSecrets.load(config.dataDirectory(), config.catalog());
  }

  /** Starts everything and returns once every service reports ready. */
  public static LocalStack start(StackConfig config) {
    LocalStack stack = new LocalStack(config);
    try {
      stack.startInfrastructure();
      stack.defineServices();
      PrometheusTargets.write(config);
      stack.startAll();
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  public StackConfig config() {
    return config;
  }

  public KafkaBroker kafka() {
    return kafka;
  }

  public PostgresServer postgres() {
    return postgres;
  }

  /** The SMTP server every email of this stack goes to, and what it received. */
  public LocalMail mail() {
    return mail;
  }

  public Map<String, String> secrets() {
    return secrets;
  }

  /** Whether every service started from a class-data-sharing archive of an earlier run. */
  public boolean startedFromArchives() {
    return withoutArchive.isEmpty();
  }

  /**
   * How long each service took from its process start to ready in its last start, in start order
   * (they start together, so on a small machine each also waits for the others).
   */
  public Map<String, Duration> readyTimes() {
    Map<String, Duration> times = new LinkedHashMap<>();
    services.keySet().forEach(name -> times.put(name, readyAfter.get(name)));
    return times;
  }

  public List<String> serviceNames() {
    return List.copyOf(services.keySet());
  }

  /** Where base backups go (ADR 0022). */
  public Path backupDirectory() {
    return config.dataDirectory().resolve("backups");
  }

  /** Where PostgreSQL archives its WAL, which restores replay. */
  public Path walArchive() {
    return config.dataDirectory().resolve("postgres-wal-archive");
  }

  /** Takes a base backup of the running database and keeps the newest {@code keep}. */
  public PhysicalBackup.Backup backUpDatabase(int keep) {
    PhysicalBackup.Backup backup =
        PhysicalBackup.take(postgres.dataSource(), postgres.dataDirectory(), backupDirectory());
    PhysicalBackup.prune(backupDirectory(), walArchive(), keep);
    return backup;
  }

  /**
   * Restores the database from {@code backup} and its archived WAL, up to {@code target} or all of
   * it, while the services run: PostgreSQL stops, its data directory is replaced, and it starts
   * again on its port and replays; the services' pools reconnect.
   */
  public void restoreDatabase(PhysicalBackup.Backup backup, Optional<Instant> target) {
    int port = postgres.port();
    Path data = postgres.dataDirectory();
    postgres.close();
    PhysicalBackup.prepareRestore(backup, data, walArchive(), target);
    postgres = PostgresServer.start(data, port, walArchive());
    PhysicalBackup.forgetReplaced(data);
  }

  private void startInfrastructure() {
    postgres =
        PostgresServer.start(
            config.dataDirectory().resolve("postgres"), config.postgresPort(), walArchive());
    // a restore prepared while the stack was stopped has now replayed: the copy it replaced goes
    PhysicalBackup.forgetReplaced(postgres.dataDirectory());
    kafka =
        KafkaBroker.start(
            config.dataDirectory().resolve("kafka"),
            config.kafkaPort(),
            System.getProperty("java.class.path"));
    mail = LocalMail.start(config.mailPort(), config.dataDirectory().resolve("mail"));
  }

  /**
   * Every catalog service in catalog order, each pointed at the producers of the topics it follows,
   * then the gateway pointed at each of them. The one service-specific fact here: auth-service
   * serves the JWKS every other service checks tokens with.
   */
  private void defineServices() {
    Map<String, String> common =
        commonEnvironment(config, postgres.jdbcUrl(), kafka.bootstrapServers());
    Map<String, String> gateway = new LinkedHashMap<>(common);
    for (Service service : config.catalog().services()) {
      Map<String, String> environment = new LinkedHashMap<>(common);
      if (service.schema() != null) {
        // its own login role owning only its schema, as in production (ADR 0018)
        String password = LocalSecrets.randomToken();
        postgres.ensureServiceRole(service.schema(), password);
        environment.put("STRIDE_DB_USER", service.schema());
        environment.put("STRIDE_DB_PASSWORD", password);
      }
      for (String secret : service.secrets()) {
        environment.put(secret, LocalSecrets.require(secrets, secret));
      }
      environment.putAll(producerUrls(config, service));
      int port = config.portOf(service.name());
      define(service.name(), port, port, environment);
      gateway.put(service.urlVariable(), config.urlOf(service));
    }
    gateway.put("MANAGEMENT_PORT", Integer.toString(config.gatewayManagementPort()));
    define("gateway", config.gatewayPort(), config.gatewayManagementPort(), gateway);
  }

  /**
   * What every service and the gateway are given, as in compose's and Kubernetes' shared settings:
   * the database, the brokers, the issuer and its key set, the public address (links in emails) and
   * the SMTP relay (this stack's {@link LocalMail}), then the config's extra environment.
   */
  static Map<String, String> commonEnvironment(
      StackConfig config, String jdbcUrl, String bootstrapServers) {
    Map<String, String> common = new LinkedHashMap<>();
    common.put("STRIDE_DB_URL", jdbcUrl);
    common.put("STRIDE_KAFKA_BOOTSTRAP", bootstrapServers);
    common.put("STRIDE_ISSUER", config.gatewayUrl());
    common.put(
        "STRIDE_JWK_SET_URI", "http://127.0.0.1:" + config.portOf("auth-service") + "/oauth2/jwks");
    common.put("STRIDE_PUBLIC_URL", config.gatewayUrl());
    common.put("STRIDE_SMTP_HOST", "127.0.0.1");
    common.put("STRIDE_SMTP_PORT", Integer.toString(config.mailPort()));
    // a local run's webhook receivers are on this machine: http to loopback only (ADR 0037)
    common.put("STRIDE_INTEGRATION_ALLOW_LOOPBACK_HTTP", "true");
    common.putAll(config.extraEnvironment());
    return common;
  }

  /**
   * Where a follower warms its copy of each state topic it follows (ADR 0024): the producer's
   * address under the variable the gateway uses too, e.g. {@code STRIDE_REGION_URL}. The services
   * start together and the warm-up retries in the background, so a producer that is ready later
   * holds nothing up.
   */
  static Map<String, String> producerUrls(StackConfig config, Service follower) {
    Map<String, String> urls = new LinkedHashMap<>();
    for (String topic : follower.follows()) {
      Service producer = config.catalog().publisherOf(topic).orElseThrow();
      urls.put(producer.urlVariable(), config.urlOf(producer));
    }
    return urls;
  }

  private void define(String name, int port, int managementPort, Map<String, String> environment) {
    Map<String, String> env = new LinkedHashMap<>(environment);
    env.put("PORT", Integer.toString(port));
    services.put(name, new ServiceSpec(name, name, port, managementPort, Map.copyOf(env)));
  }

  /**
   * Starts the services a few at a time rather than all twelve at once: on a two-core machine
   * twelve JVMs starting together share the cores so thinly that each one takes minutes and a slow
   * one runs out of its readiness time, while the stack as a whole is ready no sooner. Each
   * service's readiness clock starts when its own JVM does. {@code -Dstride.start.parallelism=N}
   * overrides how many start together (default: two more than the cores).
   */
  private void startAll() {
    int parallelism =
        Integer.getInteger(
            "stride.start.parallelism", Runtime.getRuntime().availableProcessors() + 2);
    java.util.concurrent.ExecutorService starter =
        java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, parallelism));
    java.util.concurrent.atomic.AtomicBoolean failed =
        new java.util.concurrent.atomic.AtomicBoolean();
    List<CompletableFuture<Void>> starting = new ArrayList<>();
    for (String name : services.keySet()) {
      starting.add(
          CompletableFuture.runAsync(
              () -> {
                if (failed.get()) {
                  return; // one failed already: the stack stops, start no more
                }
                try {
                  startService(name);
                } catch (RuntimeException e) {
                  failed.set(true);
                  throw e;
                }
              },
              starter));
    }
    starter.shutdown();
    try {
      CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
    }
  }

  /** Starts one service (again) and waits until it is ready. */
  public void startService(String name) {
    ServiceSpec spec = services.get(name);
    List<String> jvmOptions =
        new ArrayList<>(
            List.of(
                "-Xms128m",
                "-Xmx512m",
                "-XX:+UseParallelGC",
                "-XX:+ExitOnOutOfMemoryError",
                "-Dreactor.netty.native=" + System.getProperty("stride.netty.native", "true")));
    // extra options for every service JVM, e.g. -Dstride.jvm.options="-Xmx1g"
    // and for one module's JVMs (replicas too), e.g.
    // -Dstride.jvm.options.notification-service="-Xmx1g"
    for (String key : List.of("stride.jvm.options", "stride.jvm.options." + spec.module())) {
      String extra = System.getProperty(key, "").trim();
      if (!extra.isEmpty()) {
        jvmOptions.addAll(List.of(extra.split("\\s+")));
      }
    }
    List<String> command = ManagedProcess.javaCommand(jvmOptions, null);
    if (ClassDataSharing.enabled()) {
      ClassDataSharing.Launch launch = ClassDataSharing.launch(spec.module(), jar(spec.module()));
      command.addAll(launch.arguments());
      if (!launch.archived()) {
        withoutArchive.add(name);
      }
    } else {
      withoutArchive.add(name);
      command.add("-jar");
      command.add(jar(spec.module()).toString());
    }
    long started = System.nanoTime();
    ManagedProcess process =
        ManagedProcess.start(
            name,
            command,
            spec.environment(),
            config.dataDirectory().resolve("logs").resolve(name + ".log"));
    synchronized (running) {
      running.put(name, process);
    }
    awaitReady(spec, process);
    readyAfter.put(name, Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * Starts a second instance of a deployable on its own ports, with the same environment otherwise
   * (the load-balancer drill runs two gateways), and waits until it is ready. It stops with the
   * stack.
   */
  public void startReplica(String of, String replicaName, int port, int managementPort) {
    ServiceSpec original = services.get(of);
    if (original == null || services.containsKey(replicaName)) {
      throw new IllegalArgumentException("cannot start " + replicaName + " as a replica of " + of);
    }
    Map<String, String> env = new LinkedHashMap<>(original.environment());
    env.put("PORT", Integer.toString(port));
    if (env.containsKey("MANAGEMENT_PORT")) {
      env.put("MANAGEMENT_PORT", Integer.toString(managementPort));
    }
    int management = env.containsKey("MANAGEMENT_PORT") ? managementPort : port;
    services.put(
        replicaName,
        new ServiceSpec(replicaName, original.module(), port, management, Map.copyOf(env)));
    startService(replicaName);
  }

  /** Kills one service's process at once (SIGKILL): no graceful shutdown, as in a crash. */
  public void killService(String name) {
    ManagedProcess process;
    synchronized (running) {
      process = running.remove(name);
    }
    if (process != null) {
      process.kill();
    }
  }

  /** Stops one service (to test what its absence does). */
  public void stopService(String name) {
    ManagedProcess process;
    synchronized (running) {
      process = running.remove(name);
    }
    if (process != null) {
      process.stop();
    }
  }

  private void awaitReady(ServiceSpec spec, ManagedProcess process) {
    URI readiness =
        URI.create("http://127.0.0.1:" + spec.managementPort() + "/actuator/health/readiness");
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            spec.name() + " exited while starting. Last log lines:\n" + process.logTail(60));
      }
      try {
        HttpResponse<Void> response =
            HTTP.send(
                HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + spec.name(), e);
      }
      sleep(250);
    }
    throw new IllegalStateException(
        spec.name()
            + " not ready after "
            + READY_TIMEOUT
            + ". Last log lines:\n"
            + process.logTail(60));
  }

  private Path jar(String module) {
    Path target = config.repositoryRoot().resolve(module).resolve("target");
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
          .findFirst()
          .orElseThrow(() -> missingJar(module));
    } catch (IOException e) {
      throw missingJar(module);
    }
  }

  private static IllegalStateException missingJar(String module) {
    return new IllegalStateException(
        "No runnable jar for "
            + module
            + " (expected "
            + module
            + "/target/*-exec.jar): build first with ./mvnw -DskipTests package");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the services (gateway first), then the mail server, Kafka and PostgreSQL. */
  @Override
  public void close() {
    List<String> names = new ArrayList<>(services.keySet());
    java.util.Collections.reverse(names);
    names.forEach(this::stopService);
    if (mail != null) {
      mail.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }
}
