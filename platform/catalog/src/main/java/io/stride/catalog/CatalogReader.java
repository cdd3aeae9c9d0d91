package io.stride.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Turns {@code services.yml} into a {@link ServiceCatalog}, refusing declarations that clash. */
final class CatalogReader {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*-service");
  private static final Pattern SCHEMA = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern SCOPE = Pattern.compile("[a-z]+(:[a-z]+)?");
  private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+(/\\*\\*)?|/");
  private static final Pattern TOPIC = Pattern.compile("stride\\.[a-z0-9-]+\\.[a-z0-9.-]+");

  private CatalogReader() {}

  static ServiceCatalog read(String yaml) {
    Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    if (root == null) {
      throw invalid("the catalog is empty");
    }
    Map<String, Object> gateway = map(root, "gateway");
    ServiceCatalog catalog =
        new ServiceCatalog(
            new ServiceCatalog.Gateway(
                integer(gateway, "port"), integer(gateway, "management-port")),
            api(map(root, "api")),
            list(root, "services").stream().map(CatalogReader::service).toList());
    check(catalog);
    return catalog;
  }

  private static ServiceCatalog.Api api(Map<String, Object> api) {
    Map<String, Object> contact = map(api, "contact");
    Map<String, Object> license = map(api, "license");
    String version = text(api, "version");
    require(version.matches("\\d+\\.\\d+\\.\\d+"), "api version '" + version + "' must be x.y.z");
    return new ServiceCatalog.Api(
        version,
        text(api, "description").strip(),
        text(contact, "name"),
        text(contact, "url"),
        text(license, "name"),
        text(license, "url"));
  }

  private static Service service(Object entry) {
    Map<String, Object> service = asMap(entry, "a service");
    String name = text(service, "name");
    if (!NAME.matcher(name).matches()) {
      throw invalid("service name '" + name + "' must be lower-case words ending in -service");
    }
    List<Route> routes = new ArrayList<>();
    for (Object route : list(service, "routes")) {
      Map<String, Object> fields = asMap(route, name + " route");
      routes.add(
          new Route(
              strings(fields, "paths"),
              strings(fields, "scopes"),
              fields.get("max-body-size") == null ? null : fields.get("max-body-size").toString(),
              Boolean.TRUE.equals(fields.get("public-reads")),
              Boolean.TRUE.equals(fields.get("streaming")),
              Boolean.TRUE.equals(fields.get("signed"))));
    }
    Map<String, String> scopes = new LinkedHashMap<>();
    Object declared = service.get("scopes");
    if (declared != null) {
      asMap(declared, name + " scopes").forEach((scope, text) -> scopes.put(scope, str(text)));
    }
    return new Service(
        name,
        integer(service, "port"),
        text(service, "schema"),
        text(service, "summary"),
        routes,
        scopes,
        strings(service, "publishes"),
        strings(service, "consumes"),
        strings(service, "follows"),
        strings(service, "secrets"));
  }

  private static void check(ServiceCatalog catalog) {
    Set<String> names = new HashSet<>();
    Set<Integer> ports =
        new HashSet<>(List.of(catalog.gateway().port(), catalog.gateway().managementPort()));
    Set<String> schemas = new HashSet<>();
    Set<String> scopes = new HashSet<>();
    Map<String, String> publishers = new LinkedHashMap<>();
    Map<String, String> patterns = new LinkedHashMap<>();
    for (Service service : catalog.services()) {
      require(names.add(service.name()), "service " + service.name() + " is declared twice");
      require(ports.add(service.port()), service.name() + ": port " + service.port() + " is taken");
      require(SCHEMA.matcher(service.schema()).matches(), service.name() + ": bad schema name");
      require(schemas.add(service.schema()), service.name() + ": schema is another's");
      for (String scope : service.scopes().keySet()) {
        require(SCOPE.matcher(scope).matches(), service.name() + ": bad scope name " + scope);
        require(scopes.add(scope), "scope " + scope + " is defined twice");
      }
      for (String topic : service.publishes()) {
        require(TOPIC.matcher(topic).matches(), service.name() + ": bad topic name " + topic);
        String other = publishers.putIfAbsent(topic, service.name());
        require(other == null, "topic " + topic + " is published by " + other + " already");
      }
      for (Route route : service.routes()) {
        require(!route.paths().isEmpty(), service.name() + ": a route without paths");
        for (String path : route.paths()) {
          require(PATH.matcher(path).matches(), service.name() + ": bad route path " + path);
          String other = patterns.putIfAbsent(path, service.name());
          require(other == null, "path " + path + " is routed to " + other + " already");
        }
      }
    }
    for (Service service : catalog.services()) {
      for (Route route : service.routes()) {
        for (String scope : route.scopes()) {
          require(scopes.contains(scope), service.name() + ": route scope " + scope + " undefined");
        }
      }
      for (String topic : service.consumes()) {
        require(publishers.containsKey(topic), service.name() + " consumes unpublished " + topic);
        require(
            !service.publishes().contains(topic), service.name() + " consumes its own " + topic);
        require(
            !service.follows().contains(topic),
            service.name() + " both consumes and follows " + topic);
      }
      for (String topic : service.follows()) {
        require(publishers.containsKey(topic), service.name() + " follows unpublished " + topic);
        require(!service.publishes().contains(topic), service.name() + " follows its own " + topic);
      }
    }
  }

  private static void require(boolean condition, String problem) {
    if (!condition) {
      throw invalid(problem);
    }
  }

  private static IllegalStateException invalid(String problem) {
    return new IllegalStateException("services.yml: " + problem);
  }

  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    return asMap(parent.get(key), key);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value, String what) {
    if (!(value instanceof Map<?, ?>)) {
      throw invalid(what + " must be a mapping");
    }
    return (Map<String, Object>) value;
  }

  private static List<Object> list(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> items)) {
      throw invalid(key + " must be a list");
    }
    return new ArrayList<>(items);
  }

  private static List<String> strings(Map<String, Object> parent, String key) {
    return list(parent, key).stream().map(CatalogReader::str).toList();
  }

  private static String text(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    if (value == null || str(value).isBlank()) {
      throw invalid(key + " is missing");
    }
    return str(value);
  }

  private static int integer(Map<String, Object> parent, String key) {
    if (!(parent.get(key) instanceof Integer value)) {
      throw invalid(key + " must be a number");
    }
    return value;
  }

  private static String str(Object value) {
    return value == null ? "" : value.toString();
  }
}
