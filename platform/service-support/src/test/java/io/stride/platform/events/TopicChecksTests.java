package io.stride.platform.events;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stride.contracts.TopicRegistry;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicChecksTests {

  private final TopicRegistry topics =
      new TopicRegistry(
          List.of(
              EventsTestApplication.NOTES,
              EventsTestApplication.THINGS,
              EventsTestApplication.SETTINGS));

  @Test
  void aConsumedTopicWithoutHandlerIsRefused() {
    DeclaredTopics entry =
        new DeclaredTopics("events-test-service", Set.of(), Set.of("stride.eventstest.things"));
    assertThatThrownBy(() -> TopicChecks.checkConsumes(topics, entry, Set.of()))
        .hasMessage(
            "events-test-service consumes [stride.eventstest.things] by its services.yml entry,"
                + " but no @EventHandler takes an event of it");
  }

  @Test
  void aConsumedTopicNoContractDeclaresIsRefused() {
    DeclaredTopics entry =
        new DeclaredTopics("events-test-service", Set.of(), Set.of("stride.nowhere.things"));
    assertThatThrownBy(() -> TopicChecks.checkConsumes(topics, entry, Set.of()))
        .hasMessageContaining("consumes stride.nowhere.things, which no contract declares");
  }

  @Test
  void publishesMustBeExactlyTheContractTopicsTheServiceProduces() {
    assertThatCode(
            () ->
                TopicChecks.checkPublishes(
                    topics,
                    new DeclaredTopics(
                        "events-test-service",
                        Set.of("stride.eventstest.notes", "stride.eventstest.settings"),
                        Set.of())))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                TopicChecks.checkPublishes(
                    topics,
                    new DeclaredTopics(
                        "events-test-service", Set.of("stride.eventstest.things"), Set.of())))
        .hasMessageContaining(
            "but the contracts name it producer of [stride.eventstest.notes,"
                + " stride.eventstest.settings]");
  }

  @Test
  void aFollowedTopicMustBeAStateTopicWithASubscription() {
    DeclaredTopics followsEvents =
        new DeclaredTopics(
            "events-test-service", Set.of(), Set.of(), Set.of("stride.eventstest.things"));
    assertThatThrownBy(
            () ->
                TopicChecks.checkFollows(topics, followsEvents, Set.of("stride.eventstest.things")))
        .hasMessageContaining("stride.eventstest.things, which is not a state topic");
    DeclaredTopics followsSettings =
        new DeclaredTopics(
            "events-test-service", Set.of(), Set.of(), Set.of("stride.eventstest.settings"));
    assertThatThrownBy(() -> TopicChecks.checkFollows(topics, followsSettings, Set.of()))
        .hasMessageContaining(
            "follows [stride.eventstest.settings] by its services.yml entry, but has"
                + " StateSubscription beans for []");
    assertThatCode(
            () ->
                TopicChecks.checkFollows(
                    topics, followsSettings, Set.of("stride.eventstest.settings")))
        .doesNotThrowAnyException();
  }

  @Test
  void aStateTopicConsumedInAGroupIsRefused() {
    DeclaredTopics entry =
        new DeclaredTopics("events-test-service", Set.of(), Set.of("stride.eventstest.settings"));
    assertThatThrownBy(() -> TopicChecks.checkFollows(topics, entry, Set.of()))
        .hasMessageContaining("so only one replica would see each change: list it under follows");
  }
}
