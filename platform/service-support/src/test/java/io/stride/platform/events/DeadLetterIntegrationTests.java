package io.stride.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.stride.platform.events.EventsTestApplication.NoteTaken;
import io.stride.platform.events.EventsTestApplication.Poison;
import io.stride.platform.test.StrideInfrastructure;
import io.stride.platform.test.TopicReader;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@EventsTest
class DeadLetterIntegrationTests {

  private static final String NOTES = EventsTestApplication.NOTES.name();
  private static final String PARKED = NOTES + ".events-test-service.dlt";

  @Autowired EventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry meters;
  @Autowired Poison poison;

  @Test
  void thePlatformProvisionsThePublishedTopicsAndADeadLetterTopicPerConsumedTopic()
      throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
      Map<String, TopicDescription> topics =
          admin
              .describeTopics(java.util.List.of(NOTES, PARKED))
              .allTopicNames()
              .get(10, TimeUnit.SECONDS);
      assertThat(topics.get(NOTES).partitions()).hasSize(3);
      assertThat(topics.get(PARKED).partitions()).hasSize(3);
    }
  }

  @Test
  void aPoisonEventIsParkedAfterItsRetriesTheConsumerGoesOnAndAReplayAfterTheFixAppliesItOnce() {
    UUID poisoned = UUID.randomUUID();
    UUID next = UUID.randomUUID();
    try (TopicReader parked = new TopicReader(PARKED)) {
      publish(new NoteTaken(poisoned, "poison pill"));
      publish(new NoteTaken(next, "healthy"));

      assertThat(parked.await(r -> r.key().equals(poisoned.toString()), Duration.ofSeconds(60)))
          .hasSize(1);
      await().atMost(Duration.ofSeconds(30)).until(() -> Notes.applied(jdbc, next) == 1);
      assertThat(Notes.applied(jdbc, poisoned)).isZero();
      await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters() == 1.0);
    }

    poison.fixed().set(true);
    assertThat(DeadLetterReplay.replay(bootstrap(), "events-test-service", NOTES)).isEqualTo(1);

    await().atMost(Duration.ofSeconds(30)).until(() -> Notes.applied(jdbc, poisoned) == 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters() == 0.0);

    assertThat(DeadLetterReplay.replay(bootstrap(), "events-test-service", NOTES)).isZero();
    UUID marker = UUID.randomUUID();
    publish(new NoteTaken(marker, "after the second replay"));
    await().atMost(Duration.ofSeconds(30)).until(() -> Notes.applied(jdbc, marker) == 1);
    assertThat(Notes.applied(jdbc, poisoned)).isEqualTo(1);
  }

  private void publish(NoteTaken note) {
    transactions.executeWithoutResult(status -> events.publish(note));
  }

  private double deadLetters() {
    return meters.get("stride.events.dead.letters").tag("topic", NOTES).gauge().value();
  }

  private static String bootstrap() {
    return StrideInfrastructure.get().kafka().bootstrapServers();
  }
}
