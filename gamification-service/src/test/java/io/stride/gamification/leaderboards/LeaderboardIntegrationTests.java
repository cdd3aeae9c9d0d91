package io.stride.gamification.leaderboards;

import static io.stride.gamification.TestHistory.reader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.region.RegionSettingsChanged;
import io.stride.contracts.social.Blocked;
import io.stride.contracts.social.ClubJoined;
import io.stride.contracts.social.Followed;
import io.stride.gamification.TestHistory;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Weekly boards through the API: ranks on the whole board, what a viewer may see of it, pages, the
 * viewer's neighbours, club and region boards.
 */
@StrideIntegrationTest
class LeaderboardIntegrationTests {

  @Autowired JdbcTemplate jdbc;
  @Autowired HttpJson http;
  TestHistory history;

  /** A week of its own for this test class, so other tests' runs are not on its boards. */
  private final LocalDate monday = LocalDate.of(2024, 3, 4);

  /** A sport of each test's own, so their boards are theirs alone. */
  private final String sport = "run_" + letters();

  @BeforeEach
  void history() {
    history = new TestHistory(jdbc);
  }

  @Test
  void ranksCountEveryoneButTheViewerSeesNeitherBlockedNorUnfollowedPrivateAthletes() {
    UUID ada = history.athlete("Ada", "PUBLIC", null);
    UUID bo = history.athlete("Bo", "PRIVATE", null);
    UUID cy = history.athlete("Cy", "PUBLIC", null);
    UUID di = history.athlete("Di", "PUBLIC", null);
    UUID eve = history.athlete("Eve", "PUBLIC", null);
    run(ada, 0, 30);
    run(bo, 1, 25);
    run(cy, 2, 20);
    run(di, 3, 20);
    run(eve, 4, 10);
    history.record(
        TestHistory.visible(
            TestHistory.summary(UUID.randomUUID(), eve, sport, at(5), 50, 300, "file", 0),
            "followers"));

    JsonNode seenByEve = board(eve, "");
    assertThat(names(seenByEve.get("entries")))
        .as("Bo's account is private and Eve does not follow Bo")
        .containsExactlyInAnyOrder("Ada:1", "Cy:3", "Di:3", "Eve:5");
    assertThat(seenByEve.get("participants").asLong()).isEqualTo(5);
    assertThat(seenByEve.get("me").get("rank").asLong())
        .as("a followers-only workout does not count on a board everyone sees")
        .isEqualTo(5);
    assertThat(seenByEve.get("me").get("score").asLong()).isEqualTo(10_000);
    assertThat(names(seenByEve.get("around"))).containsExactlyInAnyOrder("Cy:3", "Di:3");

    history.send(new Followed(eve, bo, true, Instant.now(), 1));
    history.send(new Blocked(ada, eve, Instant.now(), 1));
    assertThat(names(board(eve, "").get("entries")))
        .as("a follower sees the private account; a block hides both ways")
        .containsExactlyInAnyOrder("Bo:2", "Cy:3", "Di:3", "Eve:5");
    assertThat(names(board(ada, "").get("entries"))).doesNotContain("Eve:5");
  }

  @Test
  void theViewersNeighboursComeBestFirstWithTheirRanksSkippingThoseHiddenFromThem() {
    UUID viewer = history.athlete("Vi", "PUBLIC", null);
    List<String> above = List.of("A1", "A2", "A3", "A4");
    List<String> below = List.of("B1", "B2", "B3");
    UUID blockedAbove = null;
    for (int i = 0; i < above.size(); i++) {
      UUID athlete = history.athlete(above.get(i), "PUBLIC", null);
      // far apart, so each sits in a bucket of its own
      run(athlete, i, 90 - 15 * i);
      if (i == 3) {
        blockedAbove = athlete;
      }
    }
    run(viewer, 4, 40);
    for (int i = 0; i < below.size(); i++) {
      run(history.athlete(below.get(i), "PUBLIC", null), i, 30 - 10 * i);
    }
    history.send(new Blocked(blockedAbove, viewer, Instant.now(), 1));

    JsonNode seen = board(viewer, "&limit=1&around=2");
    assertThat(seen.get("me").get("rank").asLong()).isEqualTo(5);
    assertThat(seen.get("me").get("score").asLong()).isEqualTo(40_000);
    assertThat(names(seen.get("around")))
        .as("A4 (rank 4) blocked the viewer: the next above are shown, in board order")
        .containsExactly("A2:2", "A3:3", "B1:6", "B2:7");
    assertThat(seen.get("participants").asLong()).isEqualTo(8);
    assertThat(names(board(viewer, "&limit=1&around=0").get("around"))).isEmpty();
  }

  @Test
  void athletesTiedWithTheViewerShareTheViewersRankAndThoseAroundAreCountedFromIt() {
    UUID viewer = history.athlete("Vi", "PUBLIC", null);
    run(history.athlete("Up", "PUBLIC", null), 0, 50);
    run(history.athlete("T1", "PUBLIC", null), 1, 40);
    run(viewer, 2, 40);
    run(history.athlete("T2", "PUBLIC", null), 3, 40);
    run(history.athlete("Down", "PUBLIC", null), 4, 30);

    JsonNode seen = board(viewer, "&limit=1&around=4");
    assertThat(seen.get("me").get("rank").asLong()).isEqualTo(2);
    assertThat(names(seen.get("around")))
        .as("ties share the better rank; the next score down is ranked after all three")
        .containsExactlyInAnyOrder("Up:1", "T1:2", "T2:2", "Down:5");
  }

  @Test
  void bucketCountsKeptByTheFoldsAreThoseTheMigrationCountsFromTheEntries() {
    for (int i = 0; i < 12; i++) {
      run(history.athlete("K" + i, "PUBLIC", null), i % 7, 0.5 + i * 7.3);
    }
    UUID mover = history.athlete("Mover", "PUBLIC", null);
    run(mover, 0, 12);
    run(mover, 1, 3);
    board(mover, "");
    String board = BoardNames.weekly(sport, monday);
    Integer differing =
        jdbc.queryForObject(
            """
            select count(*) from (
              select floor(sqrt(64 * score))::int bucket, count(*) athletes
              from gamification.board_entry where board = ? group by 1) e
            full join (select bucket, athletes from gamification.board_bucket
                       where board = ? and athletes > 0) b using (bucket)
            where e.athletes is distinct from b.athletes
            """,
            Integer.class,
            board,
            board);
    assertThat(differing).as("buckets whose count differs from the entries").isZero();
  }

  @Test
  void pagesFollowEachOtherWithTheirRanks() {
    List<UUID> athletes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      UUID athlete = history.athlete("P" + i, "PUBLIC", null);
      run(athlete, i, 10 + (i == 3 ? 1 : i));
      athletes.add(athlete);
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          board(athletes.get(0), "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
      seen.addAll(names(page.get("entries")));
      cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asString() : null;
    } while (cursor != null && seen.size() < 10);
    assertThat(seen).hasSize(5);
    assertThat(seen.subList(0, 2)).containsExactly("P4:1", "P2:2");
    assertThat(seen.subList(2, 4)).containsExactlyInAnyOrder("P3:3", "P1:3");
    assertThat(seen.get(4)).isEqualTo("P0:5");

    var broken = http.get(url("?week=" + monday + "&cursor=nonsense"), reader(athletes.get(0)));
    assertThat(broken.status()).isIn(400, 422);
  }

  @Test
  void clubBoardsAreForMembersAndRegionBoardsObeyTheRegionFlag() {
    UUID club = UUID.randomUUID();
    UUID member = history.athlete("Member", "PUBLIC", "SE");
    UUID outsider = history.athlete("Outsider", "PUBLIC", "SE");
    history.send(new ClubJoined(club, member, "MEMBER", Instant.now()));
    run(member, 0, 12);
    run(outsider, 1, 8);

    JsonNode clubBoard = board(member, "&club=" + club);
    assertThat(names(clubBoard.get("entries"))).containsExactly("Member:1");
    assertThat(http.get(url("?week=" + monday + "&club=" + club), reader(outsider)).status())
        .isEqualTo(404);
    assertThat(names(board(outsider, "&region=SE").get("entries")))
        .containsExactly("Member:1", "Outsider:2");

    region("SE", false);
    var off = http.get(url("?week=" + monday + "&region=SE"), reader(member));
    assertThat(off.status()).isEqualTo(404);
    assertThat(off.json().get("detail").asString()).contains("switched off");
    run(member, 2, 5);
    assertThat(names(board(outsider, "").get("entries")))
        .as("an athlete of a region with boards switched off leaves them at their next change")
        .containsExactly("Outsider:1");
  }

  private JsonNode board(UUID viewer, String query) {
    var reply = http.get(url("?week=" + monday + query), reader(viewer));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private String url(String query) {
    return "/api/v1/gamification/leaderboards/weekly/" + sport + query;
  }

  private void run(UUID athlete, int day, double km) {
    history.record(
        TestHistory.summary(
            UUID.randomUUID(), athlete, sport, at(day), km, (long) (km * 6), "file", 0));
  }

  private Instant at(int day) {
    return monday.plusDays(day).atTime(7, 0).toInstant(ZoneOffset.UTC);
  }

  private static String letters() {
    StringBuilder letters = new StringBuilder();
    java.util.concurrent.ThreadLocalRandom random =
        java.util.concurrent.ThreadLocalRandom.current();
    for (int i = 0; i < 10; i++) {
      letters.append((char) ('a' + random.nextInt(26)));
    }
    return letters.toString();
  }

  private static List<String> names(JsonNode entries) {
    List<String> names = new ArrayList<>();
    entries.forEach(e -> names.add(e.get("displayName").asString() + ":" + e.get("rank").asLong()));
    return names;
  }

  private void region(String code, boolean leaderboards) {
    TopicWriter.send(
        new RegionSettingsChanged(
            code,
            code,
            code,
            null,
            "metric",
            List.of("sv-" + code),
            "sv-" + code,
            "SEK",
            List.of("Europe/Stockholm"),
            "MONDAY",
            16,
            new RegionSettingsChanged.Legal("2026-01", 365),
            Map.of("leaderboards", leaderboards),
            System.currentTimeMillis()));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> http.get("/actuator/regions/" + code, null).status() == 200);
  }
}
