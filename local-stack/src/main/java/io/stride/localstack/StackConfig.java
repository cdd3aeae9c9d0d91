package io.stride.localstack;

import io.stride.catalog.Service;
import io.stride.catalog.ServiceCatalog;
import io.stride.infra.FreePorts;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the local stack keeps its data and which ports it uses. {@link #fixedPorts} is the
 * developer setup (the catalog's ports, URLs you can bookmark); {@link #freePorts} is for tests.
 *
 * @param repositoryRoot the checkout, where each service's runnable jar is built
 * @param dataDirectory PostgreSQL data, Kafka logs, service logs and generated local secrets
 * @param catalog the services to run ({@code services.yml})
 * @param postgresPort database port
 * @param kafkaPort broker port
 * @param mailPort the SMTP port of the local mail server ({@link LocalMail})
 * @param gatewayPort the public port; the issuer is {@code http://localhost:<gatewayPort>}
 * @param gatewayManagementPort the gateway's actuator port
 * @param servicePorts HTTP port of each catalog service, by name
 * @param extraEnvironment added to every service (tests use it to tune limits)
 */
public record StackConfig(
    Path repositoryRoot,
    Path dataDirectory,
    ServiceCatalog catalog,
    int postgresPort,
    int kafkaPort,
    int mailPort,
    int gatewayPort,
    int gatewayManagementPort,
    Map<String, Integer> servicePorts,
    Map<String, String> extraEnvironment) {

  public StackConfig {
    servicePorts = Map.copyOf(servicePorts);
    extraEnvironment = Map.copyOf(extraEnvironment);
  }

  public static StackConfig fixedPorts(Path repositoryRoot, Path dataDirectory) {
    ServiceCatalog catalog = ServiceCatalog.load();
    Map<String, Integer> ports = new LinkedHashMap<>();
    catalog.services().forEach(service -> ports.put(service.name(), service.port()));
    return new StackConfig(
        repositoryRoot,
        dataDirectory,
        catalog,
        15432,
        19092,
        // notification-service's default relay, so a service started by hand finds it too
        3025,
        catalog.gateway().port(),
        catalog.gateway().managementPort(),
        ports,
        Map.of());
  }

  public static StackConfig freePorts(Path repositoryRoot, Path dataDirectory) {
    ServiceCatalog catalog = ServiceCatalog.load();
    Map<String, Integer> ports = new LinkedHashMap<>();
    catalog.services().forEach(service -> ports.put(service.name(), FreePorts.find()));
    return new StackConfig(
        repositoryRoot,
        dataDirectory,
        catalog,
        0,
        0,
        FreePorts.find(),
        FreePorts.find(),
        FreePorts.find(),
        ports,
        Map.of());
  }

  public StackConfig withEnvironment(Map<String, String> environment) {
    Map<String, String> merged = new LinkedHashMap<>(extraEnvironment);
    merged.putAll(environment);
    return new StackConfig(
        repositoryRoot,
        dataDirectory,
        catalog,
        postgresPort,
        kafkaPort,
        mailPort,
        gatewayPort,
        gatewayManagementPort,
        servicePorts,
        merged);
  }

  /** The HTTP port of a catalog service in this stack. */
  public int portOf(String service) {
    Integer port = servicePorts.get(service);
    if (port == null) {
      throw new IllegalArgumentException("no service " + service + " in this stack");
    }
    return port;
  }

  /** The address of a catalog service in this stack. */
  public String urlOf(Service service) {
    return "http://127.0.0.1:" + portOf(service.name());
  }

  public String gatewayUrl() {
    return "http://localhost:" + gatewayPort;
  }
}
