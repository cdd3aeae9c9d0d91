package io.stride.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event plumbing every service gets: the outbox publisher and relay, the idempotent inbox, and
 * a listener error handler that retries with backoff and then dead-letters.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
      "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
      "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"
    })
@ConditionalOnBean({JdbcTemplate.class, KafkaTemplate.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class EventsAutoConfiguration {

  /** Events are read leniently: producers may add fields consumers do not know yet. */
  private static final JsonMapper EVENT_JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

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
      @Value("${spring.application.name}") String source) {
    return new EventPublisher(jdbc, EVENT_JSON, traceContext, relay, source, Clock.systemUTC());
  }

  @Bean
  EventInbox strideEventInbox(
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      @Value("${spring.application.name}") String consumer,
      MeterRegistry meters) {
    return new EventInbox(jdbc, transactions, EVENT_JSON, consumer, meters);
  }

  /**
   * Retries a failing record with exponential backoff (0.2 s doubling to 10 s, 8 retries), then
   * publishes it to {@code <topic>-dlt} with the failure in its headers. Malformed records skip the
   * retries.
   */
  @Bean
  CommonErrorHandler strideKafkaErrorHandler(KafkaTemplate<String, String> kafka) {
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            kafka,
            (record, e) ->
                new org.apache.kafka.common.TopicPartition(
                    record.topic() + "-dlt", record.partition()));
    ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(8);
    backOff.setInitialInterval(200);
    backOff.setMultiplier(2.0);
    backOff.setMaxInterval(10_000);
    DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
    handler.addNotRetryableExceptions(MalformedEventException.class);
    return handler;
  }
}
