package io.stride.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.stride.contracts.TopicRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@link StateTopicFollower} per {@link StateSubscription} bean, checked against the service's
 * {@code follows} at start, started and stopped with the application.
 */
public class StateFollowers implements SmartLifecycle {

  private final List<StateTopicFollower<?>> followers;
  private volatile boolean running;

  StateFollowers(
      List<StateSubscription<?>> subscriptions,
      TopicRegistry topics,
      DeclaredTopics declared,
      Map<String, Object> consumerConfig,
      JsonMapper json,
      TraceContext traceContext,
      Clock clock,
      MeterRegistry meters) {
    Set<String> followed =
        subscriptions.stream()
            .map(subscription -> topics.topicOf(subscription.eventType()).name())
            .collect(Collectors.toSet());
    if (followed.size() != subscriptions.size()) {
      throw new IllegalStateException("Two StateSubscription beans follow the same topic");
    }
    TopicChecks.checkFollows(topics, declared, followed);
    this.followers =
        subscriptions.stream()
            .<StateTopicFollower<?>>map(
                subscription ->
                    follower(
                        subscription, topics, consumerConfig, json, traceContext, clock, meters))
            .toList();
  }

  private static <E extends io.stride.contracts.StrideEvent> StateTopicFollower<E> follower(
      StateSubscription<E> subscription,
      TopicRegistry topics,
      Map<String, Object> consumerConfig,
      JsonMapper json,
      TraceContext traceContext,
      Clock clock,
      MeterRegistry meters) {
    return new StateTopicFollower<>(
        topics.topicOf(subscription.eventType()),
        subscription,
        consumerConfig,
        json,
        traceContext,
        clock,
        meters);
  }

  /** Whether every followed topic has been read up to where it stood when this replica started. */
  public boolean caughtUp() {
    return followers.stream().allMatch(StateTopicFollower::caughtUp);
  }

  /** Whether the topic of {@code eventType} has been read up to where it stood at start. */
  public boolean caughtUp(Class<? extends io.stride.contracts.StrideEvent> eventType) {
    return followers.stream()
        .filter(follower -> follower.topic().carries(eventType))
        .anyMatch(StateTopicFollower::caughtUp);
  }

  @Override
  public void start() {
    followers.forEach(StateTopicFollower::start);
    running = true;
  }

  @Override
  public void stop() {
    followers.forEach(StateTopicFollower::stop);
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
