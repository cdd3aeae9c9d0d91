package io.stride.localstack;

import io.stride.catalog.Service;
import io.stride.catalog.ServiceCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Grafana dashboard per deployable (ADR 0020): the shared sections of
 * observability/grafana/service-dashboards/sections.yml that apply to it (by what the catalog says
 * it owns, writes and reads), then its own panels from {@code <name>.yml}. The output is committed
 * in observability/grafana/dashboards/service-{@code <name>}.json, where compose and k8s provision
 * it from; ObservabilityConfigTests holds the committed files to this generator. Regenerate with
 * {@code main} (the README of observability/grafana says how).
 */
public final class ServiceDashboards {

  static final String SOURCES = "observability/grafana/service-dashboards";
  static final String OUTPUT = "observability/grafana/dashboards";

  private static final String DATASOURCE_UID = "stride-prometheus";
  private static final int PANEL_HEIGHT = 8;
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /** What a deployable has that decides which shared sections apply. */
  record Deployable(
      String name, String summary, boolean database, boolean publishes, boolean consumes) {

    static Deployable gateway() {
      return new Deployable(
          "gateway", "the edge: routing, rate limits, circuit breakers", false, false, false);
    }

    static Deployable of(Service service) {
      return new Deployable(
          service.name(),
          service.summary(),
          service.schema() != null && !service.schema().isBlank(),
          !service.publishes().isEmpty(),
          !service.consumes().isEmpty());
    }

    boolean has(String applies) {
      return switch (applies) {
        case "all" -> true;
        case "database" -> database;
        case "publishes" -> publishes;
        case "consumes" -> consumes;
        default ->
            throw new IllegalArgumentException(
                "sections.yml: 'applies: "
                    + applies
                    + "' is not all, database, publishes or consumes");
      };
    }
  }

  private ServiceDashboards() {}

  /** Writes every deployable's dashboard into the repository given as the first argument. */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : System.getProperty("stride.repo.root", "."));
    for (Map.Entry<String, String> file : generate(ServiceCatalog.load(), root).entrySet()) {
      Files.writeString(root.resolve(OUTPUT).resolve(file.getKey()), file.getValue());
      System.out.println("wrote " + OUTPUT + "/" + file.getKey());
    }
  }

  /** File name → dashboard JSON, for the gateway and every service of the catalog. */
  public static Map<String, String> generate(ServiceCatalog catalog, Path repositoryRoot) {
    Path sources = repositoryRoot.resolve(SOURCES);
    List<Map<String, Object>> sections = list(read(sources.resolve("sections.yml")), "sections");
    List<Deployable> deployables = new ArrayList<>();
    deployables.add(Deployable.gateway());
    catalog.services().forEach(service -> deployables.add(Deployable.of(service)));
    Map<String, String> dashboards = new LinkedHashMap<>();
    for (Deployable deployable : deployables) {
      Path own = sources.resolve(deployable.name() + ".yml");
      if (!Files.exists(own)) {
        throw new IllegalStateException(
            SOURCES + "/" + own.getFileName() + " is missing: every deployable has its own panels");
      }
      List<Map<String, Object>> applicable = new ArrayList<>();
      for (Map<String, Object> section : sections) {
        if (deployable.has(string(section, "applies"))) {
          applicable.add(section);
        }
      }
      applicable.add(read(own));
      dashboards.put(
          "service-" + deployable.name() + ".json",
          JSON.writeValueAsString(dashboard(deployable, applicable)) + "\n");
    }
    return dashboards;
  }

  private static Map<String, Object> dashboard(
      Deployable deployable, List<Map<String, Object>> sections) {
    List<Object> panels = new ArrayList<>();
    int id = 1;
    int y = 0;
    for (Map<String, Object> section : sections) {
      panels.add(row(id++, string(section, "title"), y));
      y += 1;
      int x = 0;
      for (Map<String, Object> spec : list(section, "panels")) {
        int width = ((Number) spec.getOrDefault("width", 12)).intValue();
        if (x + width > 24) {
          x = 0;
          y += PANEL_HEIGHT;
        }
        panels.add(panel(id++, spec, deployable.name(), x, y, width));
        x += width;
      }
      y += PANEL_HEIGHT;
    }
    Map<String, Object> dashboard = new LinkedHashMap<>();
    dashboard.put("uid", "stride-service-" + deployable.name());
    dashboard.put("title", "Stride service: " + deployable.name());
    dashboard.put(
        "description",
        deployable.summary()
            + ". Generated by ServiceDashboards from observability/grafana/service-dashboards;"
            + " edit those files, not this one.");
    dashboard.put("tags", List.of("stride", "service"));
    dashboard.put("timezone", "utc");
    dashboard.put("schemaVersion", 39);
    dashboard.put("version", 1);
    dashboard.put("editable", false);
    dashboard.put("refresh", "30s");
    dashboard.put("time", ordered("from", "now-1h", "to", "now"));
    dashboard.put(
        "links",
        List.of(
            link("Platform overview", "/d/stride-overview"),
            link("Events", "/d/stride-events"),
            link(
                "Logs and traces of " + deployable.name(),
                "/d/stride-logs?var-service=" + deployable.name())));
    dashboard.put("templating", ordered("list", List.of()));
    dashboard.put("annotations", ordered("list", List.of()));
    dashboard.put("panels", panels);
    return dashboard;
  }

  private static Map<String, Object> row(int id, String title, int y) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", id);
    row.put("type", "row");
    row.put("title", title);
    row.put("collapsed", false);
    row.put("gridPos", grid(0, y, 24, 1));
    row.put("panels", List.of());
    return row;
  }

  private static Map<String, Object> panel(
      int id, Map<String, Object> spec, String service, int x, int y, int width) {
    String type = (String) spec.getOrDefault("type", "timeseries");
    List<Object> targets = new ArrayList<>();
    char refId = 'A';
    for (Map<String, Object> target : list(spec, "targets")) {
      Map<String, Object> query = new LinkedHashMap<>();
      query.put("refId", String.valueOf(refId++));
      query.put("datasource", datasource());
      query.put("expr", string(target, "expr").replace("$service", service));
      query.put("legendFormat", string(target, "legend"));
      if (Boolean.TRUE.equals(target.get("exemplars"))) {
        query.put("exemplar", true); // a dot per sampled request, linked to its trace in Tempo
      }
      targets.add(query);
    }
    Map<String, Object> panel = new LinkedHashMap<>();
    panel.put("id", id);
    panel.put("type", type);
    panel.put("title", string(spec, "title"));
    panel.put("description", Optional.ofNullable(spec.get("description")).orElse(""));
    panel.put("datasource", datasource());
    panel.put("gridPos", grid(x, y, width, PANEL_HEIGHT));
    panel.put(
        "fieldConfig",
        ordered(
            "defaults", ordered("unit", spec.getOrDefault("unit", "short")),
            "overrides", List.of()));
    panel.put(
        "options",
        type.equals("stat")
            ? ordered("reduceOptions", ordered("calcs", List.of("lastNotNull")))
            : ordered(
                "legend",
                ordered("displayMode", "table", "placement", "bottom", "showLegend", true),
                "tooltip",
                ordered("mode", "multi")));
    panel.put("targets", targets);
    return panel;
  }

  private static Map<String, Object> grid(int x, int y, int w, int h) {
    return ordered("x", x, "y", y, "w", w, "h", h);
  }

  private static Map<String, Object> datasource() {
    return ordered("type", "prometheus", "uid", DATASOURCE_UID);
  }

  private static Map<String, Object> link(String title, String url) {
    return ordered("title", title, "type", "link", "url", url);
  }

  /** A JSON object whose keys keep the order given, so the output is the same on every run. */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static Map<String, Object> read(Path file) {
    try {
      Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
      if (!(yaml instanceof Map<?, ?>)) {
        throw new IllegalStateException(file + " is not a YAML mapping");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) yaml;
      return map;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (!(value instanceof List<?>)) {
      throw new IllegalStateException("'" + key + "' must be a list in " + map.keySet());
    }
    return (List<Map<String, Object>>) value;
  }

  private static String string(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (!(value instanceof String text) || text.isBlank()) {
      throw new IllegalStateException("'" + key + "' is missing in " + map);
    }
    return text;
  }
}
