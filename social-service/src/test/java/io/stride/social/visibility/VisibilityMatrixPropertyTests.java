package io.stride.social.visibility;

import static io.stride.platform.test.HttpJson.object;
import static io.stride.social.TestAthletes.profileUpdated;
import static io.stride.social.TestAthletes.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.region.RegionSettingsChanged;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.contracts.workout.WorkoutUpdated;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.spring.JqwikSpringSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue #12's visibility matrix: an owner (public or private account, possibly turning), one
 * workout (public, followers-only or private, possibly changed, its update possibly arriving before
 * its recording, then replayed) and a viewer — the owner themself or someone who follows, asks to,
 * gets approved, declined or removed, blocks or is blocked (and unblocked), mutes, shares a club —
 * reached by a generated history of steps. After it, every surface that shows the workout or the
 * owner to the viewer must agree with {@link Relation}: the home feed, the club feed, kudos,
 * comments, the athlete card, the follower list, search and the club's member list. Each try uses
 * new athletes, so tries never see each other.
 */
@JqwikSpringSupport
@StrideIntegrationTest
class VisibilityMatrixPropertyTests {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(2);
  private static final String CLUB_REGION = "LU";

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;

  record Scenario(
      boolean self,
      boolean ownerPrivate,
      String visibility,
      List<Step> steps,
      int recordedAfterStep) {}

  @BeforeContainer
  static void aRegionOfferingClubs() {
    TopicWriter.send(
        new RegionSettingsChanged(
            CLUB_REGION,
            CLUB_REGION,
            CLUB_REGION,
            null,
            "metric",
            List.of("fr-LU"),
            "fr-LU",
            "EUR",
            List.of("Europe/Luxembourg"),
            "MONDAY",
            16,
            new RegionSettingsChanged.Legal("2026-01", 365),
            Map.of("clubs", true),
            1));
  }

  @Property(tries = 1000)
  void everySurfaceShowsTheViewerExactlyWhatTheRulesAllow(@ForAll("scenarios") Scenario scenario) {
    new Try(scenario).run();
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<Step> step =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.just(Step.VIEWER_FOLLOWS)),
            Tuple.of(3, Arbitraries.just(Step.OWNER_APPROVES)),
            Tuple.of(12, Arbitraries.of(Step.class)));
    return Combinators.combine(
            Arbitraries.frequency(Tuple.of(1, true), Tuple.of(7, false)),
            Arbitraries.of(true, false),
            Arbitraries.of("public", "followers", "private"),
            step.list().ofMaxSize(7),
            Arbitraries.integers().between(0, 7))
        .as(Scenario::new);
  }

  /** One generated history played against the running service, then checked. */
  private final class Try {

    private final Scenario scenario;
    private final Relation expected;
    private final UUID owner = UUID.randomUUID();
    private final UUID viewer;
    private final String ownerName = "Vm" + letters(owner) + " Owner";
    private final UUID workout = UUID.randomUUID();
    private final Instant start = Instant.parse("2026-10-01T06:00:00Z");
    private long profileVersion = 1;
    private long workoutVersion = 0;
    private String visibility;
    private UUID club;
    private EventEnvelope<StrideEvent> recording;
    private String firstChange;

    Try(Scenario scenario) {
      this.scenario = scenario;
      this.expected = new Relation(scenario.self(), scenario.ownerPrivate());
      this.viewer = scenario.self() ? owner : UUID.randomUUID();
      this.visibility = scenario.visibility();
    }

    void run() {
      athletes();
      List<Step> steps = scenario.steps();
      int recordAt = Math.min(scenario.recordedAfterStep(), steps.size());
      for (int i = 0; i <= steps.size(); i++) {
        if (i == recordAt) {
          recording = workoutEvent(new WorkoutRecorded(summary(scenario.visibility())));
        }
        if (i < steps.size()) {
          perform(steps.get(i));
          steps.get(i).expect(expected);
        }
      }
      replayWorkoutEvents();
      Statistics.label("viewer").collect(expected.kind());
      Statistics.label("workout")
          .collect(visibility, expected.ownerPrivate ? "private account" : "public account");
      check();
    }

    private void athletes() {
      List<UUID> ids = scenario.self() ? List.of(owner) : List.of(owner, viewer);
      for (UUID id : ids) {
        String privacy = id.equals(owner) && scenario.ownerPrivate() ? "PRIVATE" : "PUBLIC";
        String name = id.equals(owner) ? ownerName : "Viewer " + letters(id);
        TopicWriter.send(profileUpdated(id, name, privacy, 1));
      }
      for (UUID id : ids) {
        until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from social.athlete where user_id = ?", Integer.class, id)
                    == 1);
      }
    }

    private void perform(Step step) {
      Reply reply =
          switch (step) {
            case VIEWER_FOLLOWS -> http.put(social("/following/" + owner), writer(viewer), null);
            case VIEWER_UNFOLLOWS -> http.delete(social("/following/" + owner), writer(viewer));
            case OWNER_APPROVES ->
                http.put(social("/follow-requests/" + viewer + "/approval"), writer(owner), null);
            case OWNER_DECLINES -> http.delete(social("/follow-requests/" + viewer), writer(owner));
            case OWNER_REMOVES_FOLLOWER ->
                http.delete(social("/followers/" + viewer), writer(owner));
            case VIEWER_BLOCKS -> http.put(social("/blocks/" + owner), writer(viewer), null);
            case OWNER_BLOCKS -> http.put(social("/blocks/" + viewer), writer(owner), null);
            case VIEWER_UNBLOCKS -> http.delete(social("/blocks/" + owner), writer(viewer));
            case OWNER_UNBLOCKS -> http.delete(social("/blocks/" + viewer), writer(owner));
            case VIEWER_MUTES -> http.put(social("/mutes/" + owner), writer(viewer), null);
            case VIEWER_UNMUTES -> http.delete(social("/mutes/" + owner), writer(viewer));
            case OWNER_TURNS_PRIVATE -> privacy("PRIVATE");
            case OWNER_TURNS_PUBLIC -> privacy("PUBLIC");
            case VIEWER_JOINS_OWNERS_CLUB -> joinClub();
            case WORKOUT_MADE_PUBLIC, WORKOUT_MADE_FOLLOWERS_ONLY, WORKOUT_MADE_PRIVATE -> {
              visibility = step.visibility();
              firstChange = firstChange == null ? visibility : firstChange;
              workoutEvent(new WorkoutUpdated(summary(visibility), ++workoutVersion));
              yield null;
            }
          };
      if (reply != null) {
        assertThat(reply.status()).as(step + " answered " + reply.body()).isLessThan(500);
      }
    }

    private Reply privacy(String privacy) {
      long version = ++profileVersion;
      TopicWriter.send(profileUpdated(owner, ownerName, privacy, version));
      until(
          () ->
              jdbc.queryForObject(
                      "select count(*) from social.athlete where user_id = ? and"
                          + " profile_version = ?",
                      Integer.class,
                      owner,
                      version)
                  == 1);
      return null;
    }

    private Reply joinClub() {
      if (club == null) {
        until(() -> http.get("/actuator/regions/" + CLUB_REGION, null).status() == 200);
        Reply created =
            http.post(
                social("/clubs"),
                writer(owner),
                object("name", "Matrix " + letters(workout), "region", CLUB_REGION));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        club = UUID.fromString(created.json().get("clubId").asString());
      }
      return scenario.self()
          ? null
          : http.put(social("/clubs/" + club + "/members/me"), writer(viewer), null);
    }

    /**
     * A duplicate of the recording (the same envelope again) and, when the workout was changed, a
     * new envelope carrying its first change: both are older than what was applied.
     */
    private void replayWorkoutEvents() {
      TopicWriter.send(recording);
      StrideEvent older =
          firstChange != null ? new WorkoutUpdated(summary(firstChange), 1) : recording.payload();
      awaitProcessed(TopicWriter.send(older));
    }

    private void check() {
      String as = "after " + scenario.steps() + " (" + expected + ", workout " + visibility + ")";
      String token = writer(viewer);

      assertThat(workoutsIn(http.get(social("/feed?limit=50"), token)).contains(workout))
          .as("home feed " + as)
          .isEqualTo(expected.inHomeFeed(visibility));
      if (club != null) {
        assertThat(
                workoutsIn(http.get(social("/clubs/" + club + "/feed?limit=50"), token))
                    .contains(workout))
            .as("club feed " + as)
            .isEqualTo(expected.inClubFeed(visibility));
        assertThat(
                athletesIn(http.get(social("/clubs/" + club + "/members"), token)).contains(owner))
            .as("club members " + as)
            .isEqualTo(expected.seesOwnerAmongClubMembers());
      }
      int comments = http.get(social("/workouts/" + workout + "/comments"), token).status();
      assertThat(comments).as("comments " + as).isEqualTo(expected.maySee(visibility) ? 200 : 404);
      int kudos = http.put(social("/workouts/" + workout + "/kudos/mine"), token, null).status();
      int expectedKudos = !expected.maySee(visibility) ? 404 : expected.self ? 422 : 204;
      assertThat(kudos).as("kudos " + as).isEqualTo(expectedKudos);

      int card = http.get(social("/athletes/" + owner), token).status();
      assertThat(card).as("athlete card " + as).isEqualTo(expected.seesCard() ? 200 : 404);
      Reply followers = http.get(social("/athletes/" + owner + "/followers"), token);
      assertThat(followers.status())
          .as("follower list " + as)
          .isEqualTo(expected.seesFollowerList() ? 200 : 404);
      if (followers.status() == 200) {
        assertThat(athletesIn(followers).contains(viewer))
            .as("the viewer among the followers " + as)
            .isEqualTo(expected.listedAsFollower());
      }
      Reply found = http.get(social("/athletes?q=" + ownerName.split(" ")[0]), token);
      assertThat(athletesIn(found).contains(owner))
          .as("search " + as)
          .isEqualTo(expected.findsInSearch());
    }

    private EventEnvelope<StrideEvent> workoutEvent(StrideEvent event) {
      EventEnvelope<StrideEvent> sent = TopicWriter.send(event);
      awaitProcessed(sent);
      return sent;
    }

    private WorkoutSummary summary(String visibility) {
      return new WorkoutSummary(
          workout,
          owner,
          "run",
          "Matrix run",
          start,
          2400,
          2300L,
          8000.0,
          40.0,
          500,
          150,
          visibility,
          "manual",
          List.of());
    }
  }

  private void awaitProcessed(EventEnvelope<StrideEvent> envelope) {
    until(
        () ->
            jdbc.queryForObject(
                    "select count(*) from social.processed_event where event_id = ?",
                    Integer.class,
                    envelope.id())
                == 1);
  }

  private static void until(BooleanSupplier condition) {
    await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(POLL).until(condition::getAsBoolean);
  }

  private static String social(String path) {
    return "/api/v1/social" + path;
  }

  /** Letters only, so the name is one word search can take a prefix of. */
  private static String letters(UUID id) {
    StringBuilder out = new StringBuilder();
    for (char c : id.toString().replace("-", "").substring(0, 12).toCharArray()) {
      out.append((char) ('a' + Character.digit(c, 16)));
    }
    return out.toString();
  }

  private static List<UUID> workoutsIn(Reply page) {
    return idsIn(page, "workoutId");
  }

  private static List<UUID> athletesIn(Reply page) {
    return idsIn(page, "athleteId");
  }

  private static List<UUID> idsIn(Reply page, String field) {
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    List<UUID> ids = new ArrayList<>();
    for (JsonNode item : page.json().get("items")) {
      ids.add(UUID.fromString(item.get(field).asString()));
    }
    return ids;
  }
}
