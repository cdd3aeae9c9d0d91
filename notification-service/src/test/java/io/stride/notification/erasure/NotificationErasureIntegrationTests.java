package io.stride.notification.erasure;

import static io.stride.notification.TestPeople.person;
import static io.stride.notification.TestPeople.reader;
import static io.stride.notification.TestPeople.withEmail;
import static io.stride.notification.TestPeople.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.auth.UserDeleted;
import io.stride.contracts.social.CommentAdded;
import io.stride.contracts.social.Followed;
import io.stride.contracts.social.KudosGiven;
import io.stride.platform.test.Erasure;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** UserDeleted leaves no row about the person, and takes them out of others' notifications. */
@StrideIntegrationTest
class NotificationErasureIntegrationTests {

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  @Test
  void anErasedPersonLeavesNoRowAndNoTraceInTheNotificationsOfOthers() {
    UUID gone =
        withEmail(
            jdbc,
            "Leaving Soon",
            "gone-" + UUID.randomUUID() + "@example.com",
            "Europe/Berlin",
            null);
    UUID friend = person(jdbc, "Staying Friend");
    UUID other = person(jdbc, "Other Fan");
    UUID workout = UUID.randomUUID();
    Instant now = Instant.now();
    TopicWriter.send(new Followed(friend, gone, false, now, 1));
    TopicWriter.send(
        new CommentAdded(UUID.randomUUID(), UUID.randomUUID(), gone, friend, "hi", List.of(), now));
    TopicWriter.send(new KudosGiven(workout, friend, gone, now));
    TopicWriter.send(new KudosGiven(workout, friend, other, now.plusSeconds(1)));
    TopicWriter.send(new Followed(gone, friend, false, now, 1));
    // told before the phone below exists, so only the follow sent after it is pushed
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                count("select count(*) from notification.notification where user_id = ?", friend)
                        == 2
                    && count(
                            "select count(*) from notification.notification where user_id = ?",
                            gone)
                        == 2);
    http.put(
        "/api/v1/notifications/settings",
        writer(gone),
        Map.of("quietHours", Map.of("start", "22:00", "end", "07:00"), "pushPerHour", 5));
    // a phone to push to, and a push scheduled to it (held by the quiet hours or sent)
    assertThat(
            http.post(
                    "/api/v1/notifications/push-subscriptions",
                    writer(gone),
                    Map.of("kind", "fcm", "token", "erased-" + UUID.randomUUID(), "label", "Phone"))
                .status())
        .isEqualTo(201);
    TopicWriter.send(new Followed(other, gone, false, now, 1));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                count(
                        "select count(*) from notification.delivery where user_id = ? and channel"
                            + " = 'push'",
                        gone)
                    == 1);

    TopicWriter.send(new UserDeleted(gone, Instant.now()));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                count("select count(*) from notification.erased_user where user_id = ?", gone)
                    == 1);

    Erasure.assertNoRowsOf(dataSource, "notification", gone);
    var items = http.get("/api/v1/notifications", reader(friend)).json().get("items");
    assertThat(items).hasSize(1);
    assertThat(items.get(0).get("title").asString())
        .as("the kudos count lost the erased giver; the follow by them went")
        .isEqualTo("Other Fan gave kudos to your workout");

    TopicWriter.send(new KudosGiven(UUID.randomUUID(), gone, other, Instant.now()));
    TopicWriter.send(new Followed(other, friend, false, Instant.now(), 1));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                count("select count(*) from notification.notification where user_id = ?", friend)
                    == 2);
    Erasure.assertNoRowsOf(dataSource, "notification", gone);
  }

  private int count(String sql, UUID user) {
    return jdbc.queryForObject(sql, Integer.class, user);
  }
}
