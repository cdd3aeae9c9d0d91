package io.stride.localstack;

import io.stride.infra.FreePorts;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the local stack keeps its data and which ports it uses. {@link #fixedPorts} is the
 * developer setup (URLs you can bookmark); {@link #freePorts} is for tests.
 *
 * @param repositoryRoot the checkout, where each service's runnable jar is built
 * @param dataDirectory PostgreSQL data, Kafka logs, service logs and generated local secrets
 * @param postgresPort database port
 * @param kafkaPort broker port
 * @param gatewayPort the public port; the issuer is {@code http://localhost:<gatewayPort>}
 * @param gatewayManagementPort the gateway's actuator port
 * @param authPort auth-service
 * @param profilePort profile-service
 * @param workoutPort workout-service
 * @param extraEnvironment added to every service (tests use it to tune limits)
 */
public record StackConfig(
    Path repositoryRoot,
    Path dataDirectory,
    int postgresPort,
    int kafkaPort,
    int gatewayPort,
    int gatewayManagementPort,
    int authPort,
    int profilePort,
    int workoutPort,
    Map<String, String> extraEnvironment) {

  public static StackConfig fixedPorts(Path repositoryRoot, Path dataDirectory) {
    return new StackConfig(
        repositoryRoot, dataDirectory, 15432, 19092, 8080, 8079, 8081, 8082, 8083, Map.of());
  }

  public static StackConfig freePorts(Path repositoryRoot, Path dataDirectory) {
    return new StackConfig(
        repositoryRoot,
        dataDirectory,
        0,
        0,
        FreePorts.find(),
        FreePorts.find(),
        FreePorts.find(),
        FreePorts.find(),
        FreePorts.find(),
        Map.of());
  }

  public StackConfig withEnvironment(Map<String, String> environment) {
    Map<String, String> merged = new LinkedHashMap<>(extraEnvironment);
    merged.putAll(environment);
    return new StackConfig(
        repositoryRoot,
        dataDirectory,
        postgresPort,
        kafkaPort,
        gatewayPort,
        gatewayManagementPort,
        authPort,
        profilePort,
        workoutPort,
        Map.copyOf(merged));
  }

  public String gatewayUrl() {
    return "http://localhost:" + gatewayPort;
  }
}
