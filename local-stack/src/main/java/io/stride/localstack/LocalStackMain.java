package io.stride.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local.sh}: starts the whole platform on embedded defaults, prints where it is, and
 * stops everything on Ctrl-C. Data lives in {@code .stride-data/} (override with STRIDE_DATA_DIR)
 * across restarts.
 */
public final class LocalStackMain {

  private LocalStackMain() {}

  public static void main(String[] args) throws InterruptedException {
    Path root = Path.of(System.getProperty("stride.repo.root", ".")).toAbsolutePath().normalize();
    String dataDir =
        System.getenv().getOrDefault("STRIDE_DATA_DIR", root.resolve(".stride-data").toString());
    StackConfig config = StackConfig.fixedPorts(root, Path.of(dataDir).toAbsolutePath());
    if (args.length > 0) {
      System.exit(LocalBackups.run(config, java.util.List.of(args)));
    }
    long started = System.nanoTime();
    System.out.println("Starting Stride (data in " + config.dataDirectory() + ") ...");
    LocalStack stack = LocalStack.start(config);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    LocalBackups.schedule(stack);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("\nStopping Stride ...");
                  stack.close();
                  System.out.println("Stopped.");
                  stopped.countDown();
                },
                "stop-stride"));
    System.out.printf(
        """

        Stride is ready after %.1f s at %s
          API              %s/api/v1/...
          API reference    %s/api/docs (OpenAPI: %s/api/v1/openapi.json)
          Sign-in page     %s/login (new account: %s/register)
          OIDC discovery   %s/.well-known/openid-configuration
          Gateway metrics  http://localhost:%d/actuator/prometheus
          PostgreSQL       %s (user postgres; each service logs in as its own role)
          Kafka            %s
          Emails           %s (each one as .eml; SMTP %s:%d, sends none on)
          Logs             %s
          Backups          %s (daily; ./run-local.sh backup | backups | restore)
          Local secrets    %s
        Press Ctrl-C to stop.
        """,
        took.toMillis() / 1000.0,
        config.gatewayUrl(),
        config.gatewayUrl(),
        config.gatewayUrl(),
        config.gatewayUrl(),
        config.gatewayUrl(),
        config.gatewayUrl(),
        config.gatewayUrl(),
        config.gatewayManagementPort(),
        stack.postgres().jdbcUrl(),
        stack.kafka().bootstrapServers(),
        stack.mail().directory(),
        stack.mail().host(),
        stack.mail().smtpPort(),
        config.dataDirectory().resolve("logs"),
        stack.backupDirectory(),
        config.dataDirectory().resolve("secrets.env"));
    stack
        .readyTimes()
        .forEach(
            (name, ready) ->
                System.out.printf("  %-16s ready after %.1f s%n", name, ready.toMillis() / 1000.0));
    if (!stack.startedFromArchives()) {
      System.out.println(
          "(First start of this build: each service records its classes when stopped, so the"
              + " next start is about twice as fast.)");
    }
    stopped.await();
  }
}
