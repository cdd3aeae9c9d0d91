package io.stride.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.stride.contracts.TopicRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event plumbing every service gets: the outbox publisher and relay, typed consumers ({@link
 * EventHandler}) applied through the idempotent inbox, retries then a dead-letter topic per
 * consumed topic, the topics provisioned, and the start-up check against the service's catalog
 * entry.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
      "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
      "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"
    })
@ConditionalOnBean({JdbcTemplate.class, KafkaTemplate.class})
@EnableConfigurationProperties({OutboxProperties.class, EventsProperties.class})
public class EventsAutoConfiguration {

  /** Events are read leniently: producers may add fields consumers do not know yet. */
  private static final JsonMapper EVENT_JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  @Bean
  @ConditionalOnMissingBean
  TopicRegistry strideTopicRegistry() {
    return TopicRegistry.STRIDE;
  }

  @Bean
  @ConditionalOnMissingBean
  DeclaredTopics strideDeclaredTopics(@Value("${spring.application.name}") String service) {
    return DeclaredTopics.fromCatalog(service);
  }

  @Bean
  TraceContext strideTraceContext(
      ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    return new TraceContext(tracer.getIfAvailable(), propagator.getIfAvailable());
  }

  @Bean
  OutboxRelay strideOutboxRelay(
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      KafkaTemplate<String, String> kafka,
      TraceContext traceContext,
      OutboxProperties properties,
      MeterRegistry meters) {
    return new OutboxRelay(jdbc, transactions, kafka, EVENT_JSON, traceContext, properties, meters);
  }

  @Bean
  EventPublisher strideEventPublisher(
      JdbcTemplate jdbc,
      TraceContext traceContext,
      OutboxRelay relay,
      TopicRegistry topics,
      DeclaredTopics declared,
      ObjectProvider<Clock> clock) {
    return new EventPublisher(
        jdbc,
        EVENT_JSON,
        traceContext,
        relay,
        topics,
        declared,
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  EventInbox strideEventInbox(
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      DeclaredTopics declared,
      MeterRegistry meters) {
    return new EventInbox(jdbc, transactions, declared.service(), meters);
  }

  @Bean
  EventConsumers strideEventConsumers(
      ConfigurableApplicationContext context,
      ConcurrentKafkaListenerContainerFactory<String, String> factory,
      TopicRegistry topics,
      DeclaredTopics declared,
      EventInbox inbox,
      MeterRegistry meters,
      EventsProperties properties) {
    return new EventConsumers(
        context,
        factory,
        topics,
        declared,
        inbox,
        EVENT_JSON,
        meters,
        properties.consumers(),
        properties.commitInterval());
  }

  @Bean
  StateFollowers strideStateFollowers(
      ObjectProvider<StateSubscription<?>> subscriptions,
      TopicRegistry topics,
      DeclaredTopics declared,
      ConcurrentKafkaListenerContainerFactory<String, String> factory,
      TraceContext traceContext,
      ObjectProvider<Clock> clock,
      MeterRegistry meters) {
    return new StateFollowers(
        subscriptions.orderedStream().toList(),
        topics,
        declared,
        factory.getConsumerFactory().getConfigurationProperties(),
        EVENT_JSON,
        traceContext,
        clock.getIfAvailable(Clock::systemUTC),
        meters);
  }

  /**
   * The topics this service writes (state topics compacted, ADR 0024) and its dead-letter topics,
   * created if missing; a topic that carries files, and its dead-letter topics, take records up to
   * its {@code maxMessageBytes}.
   */
  @Bean
  KafkaAdmin.NewTopics strideTopics(
      DeclaredTopics declared, TopicRegistry registry, EventsProperties properties) {
    Map<String, String> sourceOf = new LinkedHashMap<>();
    declared.publishes().forEach(topic -> sourceOf.put(topic, topic));
    declared
        .consumes()
        .forEach(topic -> sourceOf.put(DeadLetters.topicFor(topic, declared.service()), topic));
    List<NewTopic> topics = new ArrayList<>();
    sourceOf.forEach(
        (name, source) -> {
          TopicBuilder topic = TopicBuilder.name(name).partitions(properties.partitions());
          if (properties.replicas() != null) {
            topic.replicas(properties.replicas());
          }
          if (name.equals(source)
              && registry.named(name).map(io.stride.contracts.Topic::state).orElse(false)) {
            topic.compact();
          }
          registry
              .named(source)
              .filter(io.stride.contracts.Topic::large)
              .ifPresent(
                  large ->
                      topic.config("max.message.bytes", String.valueOf(large.maxMessageBytes())));
          topics.add(topic.build());
        });
    return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
  }

  @Bean
  DeadLetterGauges strideDeadLetterGauges(
      KafkaAdmin kafkaAdmin,
      DeclaredTopics declared,
      EventsProperties properties,
      MeterRegistry meters) {
    return new DeadLetterGauges(kafkaAdmin, declared, properties, meters);
  }

  /**
   * Retries a failing record with exponential backoff ({@code stride.events.*}: 0.2 s doubling to
   * 10 s, 8 retries by default), then parks it on the service's own dead-letter topic with the
   * failure in its headers. Malformed records skip the retries.
   */
  @Bean
  CommonErrorHandler strideKafkaErrorHandler(
      KafkaTemplate<String, String> kafka, DeclaredTopics declared, EventsProperties properties) {
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            kafka,
            // partition -1: the key picks it, so the dead-letter topic's partition count is free
            (record, e) ->
                new TopicPartition(DeadLetters.topicFor(record.topic(), declared.service()), -1));
    ExponentialBackOffWithMaxRetries backOff =
        new ExponentialBackOffWithMaxRetries(properties.retries());
    backOff.setInitialInterval(properties.initialBackoff().toMillis());
    backOff.setMultiplier(2.0);
    backOff.setMaxInterval(properties.maxBackoff().toMillis());
    DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
    handler.addNotRetryableExceptions(MalformedEventException.class);
    return handler;
  }
}
