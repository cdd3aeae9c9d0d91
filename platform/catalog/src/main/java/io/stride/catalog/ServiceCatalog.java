package io.stride.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every Stride service as {@code services.yml} declares it: the single source for names, ports,
 * schemas, routes, scopes and topics (ADR 0008). Loading checks that the declarations agree with
 * each other; {@code CatalogConsistencyTests} checks them against the rest of the repository.
 */
public record ServiceCatalog(Gateway gateway, Api api, List<Service> services) {

  static final String RESOURCE = "/io/stride/catalog/services.yml";

  private static volatile ServiceCatalog loaded;

  public ServiceCatalog {
    services = List.copyOf(services);
  }

  /** The gateway's public and management ports in the local run. */
  public record Gateway(int port, int managementPort) {}

  /**
   * What every API document says of Stride as a whole.
   *
   * @param version the public API's version (semantic versioning; the path carries the major)
   * @param description the paragraph that opens every document
   */
  public record Api(
      String version,
      String description,
      String contactName,
      String contactUrl,
      String licenseName,
      String licenseUrl) {}

  /** The catalog on the class path (the repository's {@code services.yml}), read once. */
  public static ServiceCatalog load() {
    ServiceCatalog catalog = loaded;
    if (catalog == null) {
      try (InputStream in = ServiceCatalog.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is not on the class path");
        }
        catalog = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      loaded = catalog;
    }
    return catalog;
  }

  /** Reads and checks catalog text. */
  public static ServiceCatalog parse(String yaml) {
    return CatalogReader.read(yaml);
  }

  public Service service(String name) {
    return find(name)
        .orElseThrow(() -> new IllegalArgumentException("no service " + name + " in the catalog"));
  }

  public Optional<Service> find(String name) {
    return services.stream().filter(service -> service.name().equals(name)).findFirst();
  }

  public List<String> names() {
    return services.stream().map(Service::name).toList();
  }

  /** Every scope any service defines, with its consent text, in catalog order. */
  public Map<String, String> scopes() {
    Map<String, String> scopes = new LinkedHashMap<>();
    services.forEach(service -> scopes.putAll(service.scopes()));
    return scopes;
  }

  /** The services whose routes take {@code path} (exactly one for a well-formed catalog). */
  public List<Service> owners(String path) {
    return services.stream().filter(service -> service.routes(path)).toList();
  }

  /** Every topic some service publishes. */
  public Set<String> topics() {
    return services.stream()
        .flatMap(service -> service.publishes().stream())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The service that publishes {@code topic}. */
  public Optional<Service> publisherOf(String topic) {
    return services.stream().filter(service -> service.publishes().contains(topic)).findFirst();
  }
}
