package io.stride.contracts;

import io.stride.contracts.analytics.AnalyticsTopics;
import io.stride.contracts.auth.AuthTopics;
import io.stride.contracts.gamification.GamificationTopics;
import io.stride.contracts.integration.IntegrationTopics;
import io.stride.contracts.profile.ProfileTopics;
import io.stride.contracts.promo.PromoTopics;
import io.stride.contracts.region.RegionTopics;
import io.stride.contracts.social.SocialTopics;
import io.stride.contracts.workout.WorkoutTopics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every topic and the event types it carries. Checked on creation: each event type is on exactly
 * one topic, type names are unique across all topics, topic names are unique.
 */
public record TopicRegistry(List<Topic> topics) {

  /** The Stride topics; a new topic is added here and in {@code services.yml}. */
  public static final TopicRegistry STRIDE =
      new TopicRegistry(
          List.of(
              AuthTopics.USERS,
              AuthTopics.ACCOUNT_EMAILS,
              ProfileTopics.PROFILES,
              WorkoutTopics.WORKOUTS,
              WorkoutTopics.RECORDS,
              WorkoutTopics.IMPORTS,
              WorkoutTopics.READINGS,
              RegionTopics.REGIONS,
              SocialTopics.GRAPH,
              SocialTopics.INTERACTIONS,
              SocialTopics.CLUBS,
              GamificationTopics.PROGRESS,
              GamificationTopics.CHALLENGES,
              AnalyticsTopics.TRAINING_LOAD,
              PromoTopics.REWARDS,
              IntegrationTopics.WEBHOOKS,
              IntegrationTopics.CONNECTIONS,
              IntegrationTopics.IMPORTS));

  public TopicRegistry {
    topics = List.copyOf(topics);
    Map<String, Topic> names = new HashMap<>();
    Map<String, Topic> typeNames = new HashMap<>();
    Map<Class<?>, Topic> classes = new HashMap<>();
    for (Topic topic : topics) {
      require(
          names.put(topic.name(), topic) == null, "topic " + topic.name() + " is declared twice");
      topic
          .events()
          .forEach(
              (typeName, type) -> {
                Topic other = classes.put(type, topic);
                require(
                    other == null,
                    type.getName() + " is on " + topic.name() + " and on " + name(other));
                other = typeNames.put(typeName, topic);
                require(
                    other == null,
                    "type name "
                        + typeName
                        + " is used on "
                        + topic.name()
                        + " and "
                        + name(other));
              });
    }
  }

  /** The topic that carries {@code type}; fails for a type no topic declares. */
  public Topic topicOf(Class<? extends StrideEvent> type) {
    return topics.stream()
        .filter(topic -> topic.carries(type))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    type.getName() + " is on no topic: declare it in a *Topics class"));
  }

  public Optional<Topic> named(String name) {
    return topics.stream().filter(topic -> topic.name().equals(name)).findFirst();
  }

  /** The topics {@code service} publishes, by their declared producer. */
  public List<Topic> producedBy(String service) {
    return topics.stream().filter(topic -> topic.producer().equals(service)).toList();
  }

  private static String name(Topic topic) {
    return topic == null ? "" : topic.name();
  }

  private static void require(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException(problem);
    }
  }
}
