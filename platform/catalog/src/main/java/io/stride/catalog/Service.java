package io.stride.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One service of the catalog.
 *
 * @param name module directory and application name, e.g. {@code profile-service}
 * @param port HTTP port in the local run
 * @param schema the PostgreSQL schema it owns
 * @param summary its responsibility in one line
 * @param routes the public paths the gateway sends to it
 * @param scopes the scopes it defines, with their consent texts
 * @param publishes topics it writes
 * @param consumes topics it reads through its consumer group, each event applied once
 * @param follows state topics (latest value per key, compacted) every replica reads whole into a
 *     local copy and then follows, without a consumer group (ADR 0024)
 * @param secrets environment variables that hold its secrets
 */
public record Service(
    String name,
    int port,
    String schema,
    String summary,
    List<Route> routes,
    Map<String, String> scopes,
    List<String> publishes,
    List<String> consumes,
    List<String> follows,
    List<String> secrets) {

  public Service {
    routes = List.copyOf(routes);
    scopes = Map.copyOf(scopes);
    publishes = List.copyOf(publishes);
    consumes = List.copyOf(consumes);
    follows = List.copyOf(follows);
    secrets = List.copyOf(secrets);
  }

  /** Whether it talks to Kafka at all. */
  public boolean usesKafka() {
    return !publishes.isEmpty() || !consumes.isEmpty() || !follows.isEmpty();
  }

  /** {@code profile-service} → {@code profile}. */
  public String shortName() {
    return name.endsWith("-service")
        ? name.substring(0, name.length() - "-service".length())
        : name;
  }

  /** The variable that tells the gateway where the service is: {@code STRIDE_PROFILE_URL}. */
  public String urlVariable() {
    return "STRIDE_" + shortName().toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
  }

  /** Its address in the local run. */
  public String localUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Whether one of its routes takes {@code path}. */
  public boolean routes(String path) {
    return routeFor(path).isPresent();
  }

  /** The first of its routes that takes {@code path}. */
  public Optional<Route> routeFor(String path) {
    return routes.stream().filter(route -> route.matches(path)).findFirst();
  }
}
