package io.stride.localstack;

import io.stride.catalog.ServiceCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prometheus's file-based service discovery for Stride (ADR 0020): every deployable of the catalog
 * on its actuator port, labelled {@code service}. {@link #forCompose} is the committed
 * observability/prometheus/targets/compose.json (ObservabilityConfigTests compares them); the local
 * stack writes {@link #forLocalStack} into its data folder at start.
 */
public final class PrometheusTargets {

  private PrometheusTargets() {}

  /** Containers by name on their catalog ports. */
  public static String forCompose(ServiceCatalog catalog) {
    List<Map.Entry<String, String>> targets = new ArrayList<>();
    targets.add(Map.entry("gateway", "gateway:" + catalog.gateway().managementPort()));
    catalog
        .services()
        .forEach(
            service ->
                targets.add(Map.entry(service.name(), service.name() + ":" + service.port())));
    return json(targets);
  }

  /** This stack's processes on loopback, on the ports it gave them. */
  public static String forLocalStack(StackConfig config) {
    List<Map.Entry<String, String>> targets = new ArrayList<>();
    targets.add(Map.entry("gateway", "127.0.0.1:" + config.gatewayManagementPort()));
    config
        .catalog()
        .services()
        .forEach(
            service ->
                targets.add(
                    Map.entry(service.name(), "127.0.0.1:" + config.portOf(service.name()))));
    return json(targets);
  }

  /** Writes this stack's targets to {@code <data>/prometheus/targets.json}; returns the file. */
  static Path write(StackConfig config) {
    Path file = config.dataDirectory().resolve("prometheus").resolve("targets.json");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, forLocalStack(config));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private static String json(List<Map.Entry<String, String>> targets) {
    return targets.stream()
        .map(
            target ->
                "  {\"targets\": [\""
                    + target.getValue()
                    + "\"], \"labels\": {\"service\": \""
                    + target.getKey()
                    + "\"}}")
        .collect(Collectors.joining(",\n", "[\n", "\n]\n"));
  }
}
