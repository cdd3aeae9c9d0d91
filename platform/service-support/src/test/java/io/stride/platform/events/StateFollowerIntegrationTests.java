package io.stride.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stride.platform.events.EventsTestApplication.SettingChanged;
import io.stride.platform.events.EventsTestApplication.SettingsCopy;
import io.stride.platform.test.StrideInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * State topics (ADR 0024): published through the outbox onto a compacted topic, read whole and then
 * followed by every replica without a consumer group.
 */
@EventsTest
class StateFollowerIntegrationTests {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired EventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired SettingsCopy copy;
  @Autowired StateFollowers followers;
  @Autowired TraceContext traceContext;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired ConcurrentKafkaListenerContainerFactory<String, String> listeners;
  @Autowired MeterRegistry meters;

  @Test
  void aChangeReachesTheFollowingReplicaAndAReplicaStartedLaterReadsTheNewestStateOfEveryKey() {
    String units = "units-" + UUID.randomUUID();
    String zone = "zone-" + UUID.randomUUID();
    publish(new SettingChanged(units, "metric", 1));
    publish(new SettingChanged(zone, "Europe/Berlin", 1));
    publish(new SettingChanged(units, "imperial", 2));

    await().atMost(WAIT).until(() -> revision(copy.settings(), units) == 2);
    assertThat(copy.settings().get(units).value()).isEqualTo("imperial");
    assertThat(copy.settings().get(zone).value()).isEqualTo("Europe/Berlin");
    await().atMost(WAIT).until(followers::caughtUp);

    // another replica, or this one after a restart: the topic alone gives it the whole state
    SettingsCopy later = new SettingsCopy(new ConcurrentHashMap<>());
    StateTopicFollower<SettingChanged> replica = replicaInto(later);
    replica.start();
    try {
      await().atMost(WAIT).until(replica::caughtUp);
      assertThat(later.settings().get(units)).isEqualTo(new SettingChanged(units, "imperial", 2));
      assertThat(later.settings().get(zone))
          .isEqualTo(new SettingChanged(zone, "Europe/Berlin", 1));
      // and it keeps following
      publish(new SettingChanged(zone, "Europe/Vienna", 2));
      await().atMost(WAIT).until(() -> revision(later.settings(), zone) == 2);
      await().atMost(WAIT).until(() -> revision(copy.settings(), zone) == 2);
    } finally {
      replica.stop();
    }
  }

  @Test
  void anUnreadableRecordIsCountedAndSkippedAndTheNextStateStillApplies() {
    String key = "broken-" + UUID.randomUUID();
    double skippedBefore = skipped();
    kafka.send(EventsTestApplication.SETTINGS.name(), key, "{not an envelope").join();
    publish(new SettingChanged(key, "after", 1));
    await().atMost(WAIT).until(() -> revision(copy.settings(), key) == 1);
    assertThat(skipped()).isEqualTo(skippedBefore + 1);
    assertThat(
            meters
                .get("stride.events.followed.lag")
                .tag("topic", EventsTestApplication.SETTINGS.name())
                .timer()
                .count())
        .isPositive();
  }

  @Test
  void theServiceProvisionsItsStateTopicCompacted() throws Exception {
    try (Admin admin = admin()) {
      ConfigResource topic =
          new ConfigResource(ConfigResource.Type.TOPIC, EventsTestApplication.SETTINGS.name());
      var config = admin.describeConfigs(java.util.List.of(topic)).all().get().get(topic);
      assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
      ConfigResource notes =
          new ConfigResource(ConfigResource.Type.TOPIC, EventsTestApplication.NOTES.name());
      assertThat(
              admin
                  .describeConfigs(java.util.List.of(notes))
                  .all()
                  .get()
                  .get(notes)
                  .get("cleanup.policy")
                  .value())
          .as("an event topic keeps its history")
          .isEqualTo("delete");
    }
  }

  @Test
  void aFollowerStartedBeforeItsProducerWaitsForTheTopicInsteadOfCreatingIt() throws Exception {
    io.stride.contracts.Topic absent =
        io.stride.contracts.Topic.state(
            "stride.eventstest.absent-" + UUID.randomUUID(),
            "events-test-service",
            SettingChanged.class);
    StateTopicFollower<SettingChanged> early =
        new StateTopicFollower<>(
            absent,
            new StateSubscription<>(SettingChanged.class, envelope -> {}),
            listeners.getConsumerFactory().getConfigurationProperties(),
            JsonMapper.builder().build(),
            traceContext,
            Clock.systemUTC(),
            new SimpleMeterRegistry());
    early.start();
    try {
      await().atMost(WAIT).until(early::waitingForTopic);
      try (Admin admin = admin()) {
        assertThat(admin.listTopics().names().get())
            .as("the producer creates it, compacted; a follower asking for it must not")
            .doesNotContain(absent.name());
      }
      assertThat(early.caughtUp()).isFalse();
    } finally {
      early.stop();
    }
  }

  private static Admin admin() {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            StrideInfrastructure.get().kafkaBootstrapServers()));
  }

  private void publish(SettingChanged setting) {
    transactions.executeWithoutResult(status -> events.publish(setting));
  }

  private StateTopicFollower<SettingChanged> replicaInto(SettingsCopy into) {
    return new StateTopicFollower<>(
        EventsTestApplication.SETTINGS,
        new StateSubscription<>(SettingChanged.class, envelope -> into.keep(envelope.payload())),
        listeners.getConsumerFactory().getConfigurationProperties(),
        JsonMapper.builder().build(),
        traceContext,
        Clock.systemUTC(),
        new SimpleMeterRegistry());
  }

  private double skipped() {
    return meters
        .get("stride.events.followed")
        .tag("topic", EventsTestApplication.SETTINGS.name())
        .tag("outcome", "skipped")
        .counter()
        .count();
  }

  private static long revision(Map<String, SettingChanged> settings, String key) {
    SettingChanged held = settings.get(key);
    return held == null ? 0 : held.revision();
  }
}
