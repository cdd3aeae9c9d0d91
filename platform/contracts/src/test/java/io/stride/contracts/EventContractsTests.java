package io.stride.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event contracts as a whole: every event type declared once, named explicitly, on exactly one
 * topic, and every version ever published still readable by today's record (changes stay additive).
 */
class EventContractsTests {

  /** Strict on purpose: a field removed or renamed since a golden sample fails here. */
  private static final JsonMapper STRICT =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final TopicRegistry registry = TopicRegistry.STRIDE;

  @Test
  void everyEventRecordInTheContractsIsOnATopicOfTheRegistry() throws Exception {
    Set<String> onTopics =
        registry.topics().stream()
            .flatMap(topic -> topic.eventClasses().stream())
            .map(Class::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(new TreeSet<>(eventClassesInThisModule())).isEqualTo(onTopics);
  }

  @Test
  void everyEventTypeDeclaresItsNameAndVersionExplicitly() {
    for (Class<? extends StrideEvent> type : allEventTypes()) {
      EventType declared = type.getAnnotation(EventType.class);
      assertThat(declared).as(type.getName() + " @EventType").isNotNull();
      assertThat(declared.name()).matches("[A-Z][A-Za-z0-9]+");
      assertThat(declared.version()).isPositive();
    }
  }

  @Test
  void typeNamesAreUniqueAndEachEventTypeIsOnExactlyOneTopic() {
    List<String> names =
        allEventTypes().stream().map(EventTypes::nameOf).collect(Collectors.toList());
    assertThat(names).doesNotHaveDuplicates();
    for (Class<? extends StrideEvent> type : allEventTypes()) {
      assertThat(registry.topics().stream().filter(topic -> topic.carries(type)))
          .as(type.getName() + " topics")
          .hasSize(1);
    }
  }

  @Test
  void theRegistryRefusesATypeOnTwoTopicsAndATypeNameUsedTwice() {
    Topic users = Topic.of("stride.a.users", "a-service", Sample.class);
    assertThatThrownBy(
            () ->
                new TopicRegistry(
                    List.of(users, Topic.of("stride.b.users", "b-service", Sample.class))))
        .hasMessageContaining("is on stride.b.users and on stride.a.users");
    assertThatThrownBy(
            () ->
                new TopicRegistry(
                    List.of(users, Topic.of("stride.b.users", "b-service", Twin.class))))
        .hasMessageContaining("type name Sample is used on stride.b.users and stride.a.users");
    assertThatThrownBy(() -> Topic.of("stride.a.users", "a-service", Sample.class, Twin.class))
        .hasMessageContaining("share a type name");
    assertThatThrownBy(() -> Topic.of("stride.a.users", "a-service", Unnamed.class))
        .hasMessageContaining("declares no @EventType");
  }

  @TestFactory
  Stream<DynamicTest> everyVersionOfEveryEventHasAGoldenSampleTodaysRecordReads() {
    return allEventTypes().stream()
        .flatMap(
            type -> {
              int current = EventTypes.versionOf(type);
              return Stream.iterate(1, v -> v <= current, v -> v + 1)
                  .map(
                      version ->
                          DynamicTest.dynamicTest(
                              EventTypes.nameOf(type) + " v" + version,
                              () -> readsGoldenSample(type, version, version == current)));
            });
  }

  private void readsGoldenSample(Class<? extends StrideEvent> type, int version, boolean current)
      throws IOException {
    String path = "/golden/" + EventTypes.nameOf(type) + "/v" + version + ".json";
    JsonNode sample;
    try (InputStream in = getClass().getResourceAsStream(path)) {
      assertThat(in)
          .as("golden sample src/test/resources" + path + " (write one for every new version)")
          .isNotNull();
      sample = STRICT.readTree(in);
    }
    assertThat(sample.get("type").asString()).isEqualTo(EventTypes.nameOf(type));
    assertThat(sample.get("schemaVersion").asInt()).isEqualTo(version);
    JavaType envelopeType =
        STRICT.getTypeFactory().constructParametricType(EventEnvelope.class, type);
    EventEnvelope<?> envelope = STRICT.treeToValue(sample, envelopeType);
    assertThat(envelope.payload()).isInstanceOf(type);
    if (current) {
      // the newest sample shows every field of today's record, so the next version's diff is
      // visible
      assertThat(STRICT.valueToTree(envelope.payload()).propertyNames())
          .as("fields of " + type.getSimpleName() + " in its newest golden sample")
          .containsExactlyInAnyOrderElementsOf(sample.get("payload").propertyNames());
    }
  }

  private List<Class<? extends StrideEvent>> allEventTypes() {
    return registry.topics().stream().flatMap(topic -> topic.eventClasses().stream()).toList();
  }

  /** Concrete {@link StrideEvent} classes compiled from this module's main sources. */
  private static List<String> eventClassesInThisModule() throws IOException, URISyntaxException {
    Path root =
        Path.of(StrideEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(file -> file.toString().endsWith(".class"))
          .map(file -> root.relativize(file).toString().replace('/', '.').replace(".class", ""))
          .map(EventContractsTests::load)
          .filter(StrideEvent.class::isAssignableFrom)
          .filter(type -> !type.isInterface() && !Modifier.isAbstract(type.getModifiers()))
          .map(Class::getName)
          .toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  @EventType(name = "Sample")
  record Sample(String subject) implements StrideEvent {}

  @EventType(name = "Sample")
  record Twin(String subject) implements StrideEvent {}

  record Unnamed(String subject) implements StrideEvent {}
}
