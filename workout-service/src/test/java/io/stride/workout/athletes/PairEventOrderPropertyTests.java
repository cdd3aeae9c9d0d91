package io.stride.workout.athletes;

import static io.stride.platform.test.HttpJson.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.social.Blocked;
import io.stride.contracts.social.Followed;
import io.stride.contracts.social.Unblocked;
import io.stride.contracts.social.Unfollowed;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestEvents;
import io.stride.platform.test.TestTokens;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.spring.JqwikSpringSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The workout side of issue #12's visibility matrix: social-service's pair events about an owner
 * and a viewer (follows and their ends, blocks either way and their lifting), each numbered as
 * social-service numbers them, arriving in any order and some twice. Whatever the order, the viewer
 * then sees exactly what the newest event of each pair allows — in the workout detail and in the
 * owner's list — by workout-service's rules: nothing across a block, public and followers-only
 * workouts for a follower, public ones of a public account for anyone else.
 */
@JqwikSpringSupport
@StrideIntegrationTest
class PairEventOrderPropertyTests {

  private static final TestTokens tokens = TestTokens.get();
  private static final List<String> VISIBILITIES = List.of("public", "followers", "private");

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;

  enum Change {
    FOLLOWED,
    UNFOLLOWED,
    VIEWER_BLOCKED,
    VIEWER_UNBLOCKED,
    OWNER_BLOCKED,
    OWNER_UNBLOCKED
  }

  /** The changes in the order social-service made them, and the order they arrive in. */
  record History(boolean ownerPrivate, List<Change> changes, List<Integer> arrival) {}

  @Property(tries = 300)
  void theNewestChangeOfEachPairDecidesWhatTheViewerSees(@ForAll("histories") History history) {
    UUID owner = UUID.randomUUID();
    UUID viewer = UUID.randomUUID();
    profile(owner, history.ownerPrivate());
    Map<String, String> workouts = new java.util.HashMap<>();
    for (String visibility : VISIBILITIES) {
      workouts.put(visibility, recorded(owner, visibility));
    }
    List<EventEnvelope<StrideEvent>> events = new ArrayList<>();
    for (int i = 0; i < history.changes().size(); i++) {
      events.add(envelope(history.changes().get(i), owner, viewer, i + 1));
    }
    for (int index : history.arrival()) {
      EventEnvelope<StrideEvent> event = events.get(index);
      TopicWriter.send(event);
      await()
          .atMost(Duration.ofSeconds(30))
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(2))
          .until(() -> processed(event.id()));
    }

    Set<String> expected = expectedVisible(history);
    String token = tokens.forUser(viewer, "workouts:read");
    String as = history.changes() + " arriving as " + history.arrival();
    for (String visibility : VISIBILITIES) {
      assertThat(http.get("/api/v1/workouts/" + workouts.get(visibility), token).status())
          .as(visibility + " workout after " + as)
          .isEqualTo(expected.contains(visibility) ? 200 : 404);
    }
    Set<String> listed = new HashSet<>();
    Reply list = http.get("/api/v1/workouts?athleteId=" + owner, token);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    list.json().get("items").forEach(item -> listed.add(item.get("visibility").asString()));
    assertThat(listed).as("the owner's list after " + as).isEqualTo(expected);
  }

  @Provide
  Arbitrary<History> histories() {
    return Arbitraries.of(Change.class)
        .list()
        .ofMaxSize(6)
        .flatMap(
            changes ->
                Arbitraries.of(true, false)
                    .flatMap(
                        ownerPrivate ->
                            arrivals(changes.size())
                                .map(order -> new History(ownerPrivate, changes, order))));
  }

  /** Every change once, in any order, and up to three of them a second time. */
  private static Arbitrary<List<Integer>> arrivals(int size) {
    if (size == 0) {
      return Arbitraries.just(List.of());
    }
    return Arbitraries.integers()
        .between(0, size - 1)
        .list()
        .ofMaxSize(3)
        .flatMap(
            again -> {
              List<Integer> all = new ArrayList<>(IntStream.range(0, size).boxed().toList());
              all.addAll(again);
              return Arbitraries.shuffle(all);
            });
  }

  /** The model: the newest change of the follow and of each direction's block wins. */
  private static Set<String> expectedVisible(History history) {
    boolean following = false;
    boolean viewerBlocks = false;
    boolean ownerBlocks = false;
    for (Change change : history.changes()) {
      switch (change) {
        case FOLLOWED -> following = true;
        case UNFOLLOWED -> following = false;
        case VIEWER_BLOCKED -> viewerBlocks = true;
        case VIEWER_UNBLOCKED -> viewerBlocks = false;
        case OWNER_BLOCKED -> ownerBlocks = true;
        case OWNER_UNBLOCKED -> ownerBlocks = false;
      }
    }
    if (viewerBlocks || ownerBlocks) {
      return Set.of();
    }
    if (following) {
      return Set.of("public", "followers");
    }
    return history.ownerPrivate() ? Set.of() : Set.of("public");
  }

  private static EventEnvelope<StrideEvent> envelope(
      Change change, UUID owner, UUID viewer, long version) {
    Instant now = Instant.now();
    StrideEvent event =
        switch (change) {
          case FOLLOWED -> new Followed(viewer, owner, false, now, version);
          case UNFOLLOWED -> new Unfollowed(viewer, owner, "UNFOLLOWED", now, version);
          case VIEWER_BLOCKED -> new Blocked(viewer, owner, now, version);
          case VIEWER_UNBLOCKED -> new Unblocked(viewer, owner, now, version);
          case OWNER_BLOCKED -> new Blocked(owner, viewer, now, version);
          case OWNER_UNBLOCKED -> new Unblocked(owner, viewer, now, version);
        };
    return TopicWriter.envelope(event);
  }

  private void profile(UUID user, boolean accountPrivate) {
    TopicWriter.send(
        TestEvents.profileUpdated(user, "Order Owner", accountPrivate ? "PRIVATE" : "PUBLIC", 1));
    await()
        .atMost(Duration.ofSeconds(30))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(2))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from workout.athlete where user_id = ?",
                        Integer.class,
                        user)
                    == 1);
  }

  private String recorded(UUID owner, String visibility) {
    Reply created =
        http.post(
            "/api/v1/workouts",
            tokens.forUser(owner, "workouts:read", "workouts:write"),
            object(
                "sport",
                "run",
                "startTime",
                "2026-11-04T07:00:00Z",
                "durationSeconds",
                1800,
                "visibility",
                visibility));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  private boolean processed(UUID eventId) {
    return jdbc.queryForObject(
            "select count(*) from workout.processed_event where event_id = ?",
            Integer.class,
            eventId)
        == 1;
  }
}
