package io.stride.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.Topic;
import io.stride.contracts.TopicRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Fails the build when the repository drifts from the catalog: a service module the catalog does
 * not know (or the other way round), a module missing from the root build or from the system tests'
 * build order, a service whose own settings disagree with its entry, a topic or scope used in code
 * that the catalog does not declare (topics: from the typed contract declarations), a README that
 * no longer says what the catalog says. The routes' agreement with each service's OpenAPI document
 * is checked by the system tests, where every service runs.
 */
class CatalogConsistencyTests {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static final Pattern SCOPE = Pattern.compile("\"SCOPE_([a-z:]+)\"");

  private final ServiceCatalog catalog = ServiceCatalog.load();

  @Test
  void everyServiceModuleIsInTheCatalogAndEveryCatalogServiceHasAModule() throws IOException {
    Set<String> modules;
    try (Stream<Path> entries = Files.list(ROOT)) {
      modules =
          entries
              .filter(Files::isDirectory)
              .map(path -> path.getFileName().toString())
              .filter(name -> name.endsWith("-service"))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(modules).isEqualTo(new TreeSet<>(catalog.names()));
  }

  @Test
  void theRootBuildAndTheSystemTestsBuildEveryService() throws IOException {
    String root = read("pom.xml");
    String systemTests = read("system-tests/pom.xml");
    for (String name : catalog.names()) {
      assertThat(root).as("root pom module").contains("<module>" + name + "</module>");
      assertThat(systemTests)
          .as("system-tests build order")
          .contains("<artifactId>" + name + "</artifactId>");
    }
    assertThat(systemTests).contains("<artifactId>gateway</artifactId>");
  }

  @TestFactory
  Stream<DynamicTest> eachServiceIsBuiltAndConfiguredAsItsEntrySays() {
    return catalog.services().stream()
        .map(
            service ->
                DynamicTest.dynamicTest(
                    service.name() + " has the services parent, its name, port and schema",
                    () -> {
                      assertThat(read(service.name() + "/pom.xml"))
                          .contains("<artifactId>service-parent</artifactId>");
                      String yml = read(service.name() + "/src/main/resources/application.yml");
                      assertThat(yml).contains("name: " + service.name());
                      assertThat(yml).contains("port: ${PORT:" + service.port() + "}");
                      assertThat(yml).contains("schema: " + service.schema());
                    }));
  }

  @Test
  void theContractsDeclareExactlyTheTopicsTheCatalogNames() {
    assertThat(names(TopicRegistry.STRIDE.topics())).isEqualTo(catalog.topics());
  }

  /**
   * What a service publishes is declared twice, by design: in its entry and as the producer of its
   * topics in the contracts; they must agree. What it consumes is its {@code @EventHandler}
   * methods, which the platform checks against the entry when the service starts (so every
   * service's integration tests fail on drift), and publishing on a topic not in the entry throws.
   */
  @TestFactory
  Stream<DynamicTest> eachServicePublishesTheContractTopicsNamingItAsProducer() {
    return catalog.services().stream()
        .map(
            service ->
                DynamicTest.dynamicTest(
                    service.name() + " publishes the topics the contracts say it produces",
                    () ->
                        assertThat(names(TopicRegistry.STRIDE.producedBy(service.name())))
                            .as("contract topics produced by " + service.name())
                            .isEqualTo(new TreeSet<>(service.publishes()))));
  }

  /**
   * A followed topic is read whole by every replica, so it must hold only the latest value per key:
   * a state topic of the contracts, compacted; and a state topic is only ever followed.
   */
  @Test
  void servicesFollowExactlyTheStateTopicsOfTheContracts() {
    for (Service service : catalog.services()) {
      for (String topic : service.follows()) {
        assertThat(TopicRegistry.STRIDE.named(topic).orElseThrow().state())
            .as(service.name() + " follows " + topic + ", which must be a state topic")
            .isTrue();
      }
      for (String topic : service.consumes()) {
        assertThat(TopicRegistry.STRIDE.named(topic).orElseThrow().state())
            .as(service.name() + " consumes " + topic + " in a group; a state topic is followed")
            .isFalse();
      }
    }
  }

  @Test
  void everyScopeInAServicesSecurityRulesIsDefinedInTheCatalog() throws IOException {
    Set<String> used = new TreeSet<>();
    for (String name : catalog.names()) {
      Matcher scopes = SCOPE.matcher(mainSources(name));
      while (scopes.find()) {
        used.add(scopes.group(1));
      }
    }
    assertThat(used).isNotEmpty();
    assertThat(catalog.scopes().keySet()).containsAll(used);
  }

  @TestFactory
  Stream<DynamicTest> theReadmesSayWhatTheCatalogSays() throws IOException {
    String readme = read("README.md");
    return catalog.services().stream()
        .map(
            service ->
                DynamicTest.dynamicTest(
                    service.name() + " in the README table and its own README",
                    () -> {
                      String row =
                          readme
                              .lines()
                              .filter(line -> line.startsWith("| [" + service.name() + "]("))
                              .findFirst()
                              .orElse("");
                      assertThat(row).as("README row of " + service.name()).isNotEmpty();
                      assertThat(row).contains("| " + service.port() + " |");
                      assertThat(row).contains("| `" + service.schema() + "` |");
                      String own = read(service.name() + "/README.md");
                      for (String topic :
                          concat(
                              concat(service.publishes(), service.consumes()), service.follows())) {
                        assertThat(row).as("README row names " + topic).contains(topic);
                        assertThat(own)
                            .as(service.name() + " README names " + topic)
                            .contains(topic);
                      }
                    }));
  }

  private static Set<String> names(List<Topic> topics) {
    Set<String> names = new TreeSet<>();
    topics.forEach(topic -> names.add(topic.name()));
    return names;
  }

  private static String mainSources(String module) throws IOException {
    try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
      StringBuilder all = new StringBuilder();
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        all.append(Files.readString(file)).append('\n');
      }
      return all.toString();
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }

  private static String read(String path) throws IOException {
    return Files.readString(ROOT.resolve(path));
  }
}
