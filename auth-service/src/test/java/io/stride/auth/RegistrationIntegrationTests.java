package io.stride.auth;

import static io.stride.platform.test.HttpJson.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.auth.AuthTopics;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideInfrastructure;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@StrideIntegrationTest
class RegistrationIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  HttpJson http;

  @BeforeEach
  void setUp() {
    http = new HttpJson("http://127.0.0.1:" + port);
  }

  @Test
  void registrationStoresAHashedPasswordAndPublishesUserRegistered() {
    try (TopicReader reader = new TopicReader(AuthTopics.USERS.name())) {
      String email = AuthTestSupport.registered(http);

      var row =
          jdbc.queryForMap(
              "select id::text as id, password_hash from auth.account where email = ?", email);
      assertThat((String) row.get("password_hash")).startsWith("{bcrypt}$2");
      assertThat((String) row.get("password_hash")).doesNotContain(AuthTestSupport.PASSWORD);
      String userId = (String) row.get("id");
      var events = reader.await(record -> record.key().equals(userId), Duration.ofSeconds(20));
      assertThat(events).hasSize(1);
      var envelope = HttpJson.parse(events.get(0).value());
      assertThat(envelope.get("type").asString()).isEqualTo("UserRegistered");
      assertThat(envelope.get("payload").get("userId").asString()).isEqualTo(userId);
      assertThat(events.get(0).value()).doesNotContain(email);
    }
  }

  @Test
  void aTakenEmailGetsTheSameAnswerAndNoSecondAccount() {
    String email = AuthTestSupport.registered(http);
    Reply first =
        http.post(
            "/api/v1/accounts",
            null,
            object(
                "email",
                AuthTestSupport.newEmail(),
                "password",
                AuthTestSupport.PASSWORD,
                "displayName",
                "X"));
    Reply again =
        http.post(
            "/api/v1/accounts",
            null,
            object(
                "email",
                email.toUpperCase(),
                "password",
                "another fine passphrase",
                "displayName",
                "Y"));

    assertThat(again.status()).isEqualTo(first.status()).isEqualTo(202);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(
            jdbc.queryForObject(
                "select count(*) from auth.account where email_normalized = lower(?)",
                Long.class,
                email))
        .isEqualTo(1);
  }

  @Test
  void concurrentRegistrationsOfOneEmailAllGetTheNormalAnswerAndCreateOneAccount()
      throws Exception {
    int registrations = 4;
    String email = AuthTestSupport.newEmail();
    ExecutorService pool = Executors.newFixedThreadPool(registrations);
    try (TopicReader reader = new TopicReader(AuthTopics.USERS.name())) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < registrations; i++) {
        String name = "Racer " + i;
        replies.add(
            pool.submit(
                () -> {
                  start.await();
                  return http.post(
                      "/api/v1/accounts",
                      null,
                      object(
                          "email",
                          email,
                          "password",
                          AuthTestSupport.PASSWORD,
                          "displayName",
                          name));
                }));
      }
      start.countDown();
      Reply normal = AuthTestSupport.registrationOf(http, AuthTestSupport.newEmail());
      for (Future<Reply> reply : replies) {
        Reply answer = reply.get(60, TimeUnit.SECONDS);
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.body()).isEqualTo(normal.body());
      }

      List<String> ids =
          jdbc.queryForList(
              "select id::text from auth.account where email_normalized = lower(?)",
              String.class,
              email);
      assertThat(ids).hasSize(1);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from auth.outbox_event where event_type = 'UserRegistered'"
                      + " and message_key = ?",
                  Long.class,
                  ids.get(0)))
          .isEqualTo(1);
      assertThat(reader.await(record -> record.key().equals(ids.get(0)), Duration.ofSeconds(20)))
          .hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void weakPasswordsAreRejectedWithTheFieldNamed() {
    for (String weak : new String[] {"short", "password123", "qwertyuiop", "aaaaaaaaaaaa"}) {
      Reply reply =
          http.post(
              "/api/v1/accounts",
              null,
              object("email", AuthTestSupport.newEmail(), "password", weak, "displayName", "Weak"));
      assertThat(reply.status()).as(weak).isEqualTo(422);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
    }
  }

  @Test
  void malformedRegistrationsAre400Problems() {
    Reply badEmail =
        http.post(
            "/api/v1/accounts",
            null,
            object(
                "email", "not-an-email", "password", AuthTestSupport.PASSWORD, "displayName", "X"));
    Reply missingName =
        http.post(
            "/api/v1/accounts",
            null,
            object("email", AuthTestSupport.newEmail(), "password", AuthTestSupport.PASSWORD));
    Reply extraField =
        http.post(
            "/api/v1/accounts",
            null,
            object(
                "email",
                AuthTestSupport.newEmail(),
                "password",
                AuthTestSupport.PASSWORD,
                "displayName",
                "X",
                "role",
                "admin"));

    assertThat(badEmail.status()).isEqualTo(400);
    assertThat(badEmail.json().get("errors").toString()).contains("email");
    assertThat(missingName.status()).isEqualTo(400);
    assertThat(missingName.json().get("errors").toString()).contains("displayName");
    assertThat(extraField.status()).isEqualTo(400);
    assertThat(extraField.json().get("errors").toString()).contains("role");
  }

  @Test
  void registrationSucceedsWhileKafkaIsDownAndTheEventFollowsWhenItIsBack() {
    var kafka = StrideInfrastructure.get().kafka();
    kafka.stop();
    String email;
    try {
      email = AuthTestSupport.registered(http);
      String userId =
          jdbc.queryForObject(
              "select id::text from auth.account where email = ?", String.class, email);
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  jdbc.queryForObject(
                          "select attempts from auth.outbox_event where message_key = ?"
                              + " and event_type = 'UserRegistered'",
                          Integer.class,
                          userId)
                      > 0);
      assertThat(
              jdbc.queryForObject(
                  "select status from auth.outbox_event where message_key = ?"
                      + " and event_type = 'UserRegistered'",
                  String.class,
                  userId))
          .isEqualTo("PENDING");
    } finally {
      kafka.start();
    }
    String userId =
        jdbc.queryForObject(
            "select id::text from auth.account where email = ?", String.class, email);
    try (TopicReader reader = new TopicReader(AuthTopics.USERS.name())) {
      assertThat(reader.await(record -> record.key().equals(userId), Duration.ofSeconds(60)))
          .hasSize(1);
    }
    assertThat(
            jdbc.queryForObject(
                "select status from auth.outbox_event where message_key = ?"
                    + " and event_type = 'UserRegistered'",
                String.class,
                userId))
        .isEqualTo("PUBLISHED");
  }
}
