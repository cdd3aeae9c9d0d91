package io.stride.platform.events;

import io.stride.contracts.Topic;
import io.stride.contracts.TopicRegistry;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Start-up checks: what a service publishes and consumes is what its catalog entry says. */
final class TopicChecks {

  private TopicChecks() {}

  /** Each declared topic is a contract topic this service produces, and the other way round. */
  static void checkPublishes(TopicRegistry topics, DeclaredTopics declared) {
    Set<String> produced =
        topics.producedBy(declared.service()).stream()
            .map(Topic::name)
            .collect(Collectors.toCollection(TreeSet::new));
    if (!produced.equals(new TreeSet<>(declared.publishes()))) {
      throw new IllegalStateException(
          declared.service()
              + " publishes "
              + new TreeSet<>(declared.publishes())
              + " by its services.yml entry, but the contracts name it producer of "
              + produced);
    }
  }

  /** Handlers exist for exactly the declared topics, and each of those is a contract topic. */
  static void checkConsumes(TopicRegistry topics, DeclaredTopics declared, Set<String> handled) {
    for (String topic : declared.consumes()) {
      if (topics.named(topic).isEmpty()) {
        throw new IllegalStateException(
            declared.service() + " consumes " + topic + ", which no contract declares");
      }
    }
    Set<String> undeclared = new TreeSet<>(handled);
    undeclared.removeAll(declared.consumes());
    if (!undeclared.isEmpty()) {
      throw new IllegalStateException(
          declared.service()
              + " has @EventHandler methods for events on "
              + undeclared
              + ", which its services.yml entry does not list under consumes");
    }
    Set<String> unhandled = new TreeSet<>(declared.consumes());
    unhandled.removeAll(handled);
    if (!unhandled.isEmpty()) {
      throw new IllegalStateException(
          declared.service()
              + " consumes "
              + unhandled
              + " by its services.yml entry, but no @EventHandler takes an event of "
              + (unhandled.size() == 1 ? "it" : "them"));
    }
  }

  /**
   * Followers exist for exactly the declared state topics, each of them a state topic of the
   * contracts, and no state topic is consumed in a group.
   */
  static void checkFollows(TopicRegistry topics, DeclaredTopics declared, Set<String> followed) {
    for (String name : declared.follows()) {
      Topic topic =
          topics
              .named(name)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          declared.service()
                              + " follows "
                              + name
                              + ", which no contract declares"));
      if (!topic.state()) {
        throw new IllegalStateException(
            declared.service()
                + " follows "
                + name
                + ", which is not a state topic: list it under consumes and handle its events");
      }
    }
    for (String name : declared.consumes()) {
      if (topics.named(name).map(Topic::state).orElse(false)) {
        throw new IllegalStateException(
            declared.service()
                + " consumes the state topic "
                + name
                + " in a group, so only one replica would see each change: list it under follows");
      }
    }
    if (!new TreeSet<>(followed).equals(new TreeSet<>(declared.follows()))) {
      throw new IllegalStateException(
          declared.service()
              + " follows "
              + new TreeSet<>(declared.follows())
              + " by its services.yml entry, but has StateSubscription beans for "
              + new TreeSet<>(followed));
    }
  }
}
