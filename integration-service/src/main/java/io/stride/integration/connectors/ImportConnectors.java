package io.stride.integration.connectors;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The import connectors this server has, by source; those set up here are enabled. */
@Component
class ImportConnectors {

  private final Map<String, ImportConnector> bySource;

  ImportConnectors(List<ImportConnector> connectors) {
    this.bySource =
        connectors.stream()
            .collect(Collectors.toUnmodifiableMap(ImportConnector::source, Function.identity()));
  }

  /** The enabled connector of {@code source}, if any. */
  Optional<ImportConnector> enabled(String source) {
    return Optional.ofNullable(bySource.get(source)).filter(ImportConnector::enabled);
  }

  /** Every enabled connector, by source. */
  List<ImportConnector> enabled() {
    return bySource.values().stream()
        .filter(ImportConnector::enabled)
        .sorted(Comparator.comparing(ImportConnector::source))
        .toList();
  }
}
