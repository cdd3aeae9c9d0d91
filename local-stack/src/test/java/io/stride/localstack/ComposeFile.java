package io.stride.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** {@code docker-compose.yml} as the tests read it: its services, each one's environment. */
record ComposeFile(Map<String, Map<String, Object>> services) {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @SuppressWarnings("unchecked")
  static ComposeFile load() {
    try {
      Map<String, Object> compose =
          new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
      return new ComposeFile((Map<String, Map<String, Object>>) compose.get("services"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A service's environment after YAML merges, values as strings. */
  Map<String, String> environment(String service) {
    Object environment = services.get(service).get("environment");
    Map<String, String> values = new LinkedHashMap<>();
    if (environment instanceof Map<?, ?> map) {
      map.forEach((key, value) -> values.put(String.valueOf(key), String.valueOf(value)));
    }
    return values;
  }
}
