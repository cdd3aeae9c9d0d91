package io.stride.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.Topic;
import io.stride.contracts.TopicRegistry;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the service's {@link EventHandler} methods once every bean exists, checks them against the
 * catalog entry (a handler for an undeclared topic, or a declared topic without handler, fails the
 * start), and runs one listener container per consumed topic, in the consumer group named after the
 * service. Offsets are committed every {@code stride.events.commit-interval}, and when partitions
 * move to another consumer.
 */
class EventConsumers implements SmartInitializingSingleton, SmartLifecycle {

  private final ConfigurableApplicationContext context;
  private final ConcurrentKafkaListenerContainerFactory<String, String> factory;
  private final TopicRegistry topics;
  private final DeclaredTopics declared;
  private final EventInbox inbox;
  private final JsonMapper json;
  private final MeterRegistry meters;
  private final List<ConcurrentMessageListenerContainer<String, String>> containers =
      new ArrayList<>();
  private final Map<String, Integer> consumersPerTopic;
  private final Duration commitInterval;
  private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(5);

  private volatile boolean running;

  EventConsumers(
      ConfigurableApplicationContext context,
      ConcurrentKafkaListenerContainerFactory<String, String> factory,
      TopicRegistry topics,
      DeclaredTopics declared,
      EventInbox inbox,
      JsonMapper json,
      MeterRegistry meters,
      Map<String, Integer> consumersPerTopic,
      Duration commitInterval) {
    this.consumersPerTopic = Map.copyOf(consumersPerTopic);
    this.commitInterval = commitInterval;
    this.context = context;
    this.factory = factory;
    this.topics = topics;
    this.declared = declared;
    this.inbox = inbox;
    this.json = json;
    this.meters = meters;
  }

  @Override
  public void afterSingletonsInstantiated() {
    Map<Topic, Map<Class<? extends StrideEvent>, HandlerMethod>> byTopic = new LinkedHashMap<>();
    for (HandlerMethod handler : handlers()) {
      Topic topic = topics.topicOf(handler.eventType());
      HandlerMethod other =
          byTopic
              .computeIfAbsent(topic, t -> new LinkedHashMap<>())
              .putIfAbsent(handler.eventType(), handler);
      if (other != null) {
        throw new IllegalStateException(
            "Two @EventHandler methods take "
                + handler.eventType().getSimpleName()
                + ": "
                + other.describe()
                + " and "
                + handler.describe());
      }
    }
    TopicChecks.checkConsumes(
        topics, declared, byTopic.keySet().stream().map(Topic::name).collect(Collectors.toSet()));
    byTopic.forEach(
        (topic, handlers) -> {
          ConcurrentMessageListenerContainer<String, String> container =
              factory.createContainer(topic.name());
          ContainerProperties properties = container.getContainerProperties();
          properties.setGroupId(declared.service());
          // offsets by time, not per poll: the inbox makes a redelivery harmless
          properties.setAckMode(ContainerProperties.AckMode.TIME);
          properties.setAckTime(Math.max(1, commitInterval.toMillis()));
          // bounded, so a stop with the broker gone does not wait a minute per consumer
          properties.setSyncCommitTimeout(COMMIT_TIMEOUT);
          properties.setMessageListener(new EventDispatcher(topic, handlers, inbox, json, meters));
          Integer consumers = consumersPerTopic.get(topic.name());
          if (consumers != null) {
            container.setConcurrency(Math.max(1, consumers));
          }
          container.setBeanName("stride-events-" + topic.name());
          container.setApplicationContext(context);
          container.setApplicationEventPublisher(context);
          containers.add(container);
        });
  }

  private List<HandlerMethod> handlers() {
    List<HandlerMethod> found = new ArrayList<>();
    for (String name : context.getBeanDefinitionNames()) {
      Class<?> type = context.getType(name, false);
      if (type == null) {
        continue;
      }
      Map<Method, EventHandler> methods =
          MethodIntrospector.selectMethods(
              ClassUtils.getUserClass(type),
              (MethodIntrospector.MetadataLookup<EventHandler>)
                  method -> AnnotatedElementUtils.findMergedAnnotation(method, EventHandler.class));
      if (methods.isEmpty()) {
        continue;
      }
      Object bean = context.getBean(name);
      for (Method method : methods.keySet()) {
        found.add(HandlerMethod.of(bean, AopUtils.selectInvocableMethod(method, bean.getClass())));
      }
    }
    return found;
  }

  /** The topics this service has handlers for (after start-up). */
  List<String> consumedTopics() {
    return containers.stream()
        .map(container -> container.getContainerProperties().getTopics()[0])
        .toList();
  }

  @Override
  public void start() {
    containers.forEach(ConcurrentMessageListenerContainer::start);
    running = true;
  }

  @Override
  public void stop() {
    containers.forEach(ConcurrentMessageListenerContainer::stop);
    running = false;
  }

  /** Stops the containers side by side: each commits what it applied before it closes. */
  @Override
  public void stop(Runnable callback) {
    AtomicInteger stopping = new AtomicInteger(containers.size());
    Runnable stopped =
        () -> {
          if (stopping.decrementAndGet() <= 0) {
            running = false;
            callback.run();
          }
        };
    if (containers.isEmpty()) {
      running = false;
      callback.run();
      return;
    }
    containers.forEach(container -> container.stop(stopped));
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return AbstractMessageListenerContainer.DEFAULT_PHASE;
  }
}
