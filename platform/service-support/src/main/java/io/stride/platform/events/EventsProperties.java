package io.stride.platform.events;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Consumer and topic settings ({@code stride.events.*}).
 *
 * @param retries how often a failing event is retried before it is parked on the dead-letter topic
 * @param initialBackoff the first wait between retries; it doubles up to {@code maxBackoff}
 * @param maxBackoff the longest wait between retries
 * @param partitions partitions of the topics the platform provisions (published and dead-letter)
 * @param replicas their replication factor; unset takes the broker's default
 * @param deadLetterRefresh how often the dead-letter depth gauge is read from Kafka
 * @param consumers consumer threads per consumed topic, by topic name (unlisted topics: Spring
 *     Kafka's {@code spring.kafka.listener.concurrency}, default one); more than the topic's
 *     partitions idle. A key's events stay on one partition, so each key keeps its order.
 * @param commitInterval how often the consumers commit how far they read (and when partitions are
 *     taken from them): not after every poll, which under load is every event. Events applied but
 *     not yet committed when a consumer dies are delivered again and recognised by the inbox.
 */
@ConfigurationProperties("stride.events")
public record EventsProperties(
    @DefaultValue("8") int retries,
    @DefaultValue("200ms") Duration initialBackoff,
    @DefaultValue("10s") Duration maxBackoff,
    @DefaultValue("3") int partitions,
    Short replicas,
    @DefaultValue("30s") Duration deadLetterRefresh,
    Map<String, Integer> consumers,
    @DefaultValue("1s") Duration commitInterval) {

  public EventsProperties {
    consumers = consumers == null ? Map.of() : Map.copyOf(consumers);
  }
}
