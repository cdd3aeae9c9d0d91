package io.stride.social.clubs;

import static io.stride.platform.test.HttpJson.object;
import static io.stride.social.TestAthletes.publicAthlete;
import static io.stride.social.TestAthletes.reader;
import static io.stride.social.TestAthletes.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.auth.UserDeleted;
import io.stride.contracts.region.RegionSettingsChanged;
import io.stride.contracts.social.SocialTopics;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicReader;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Clubs: names per region, public and private joining, roles and their events, the last owner, the
 * club feed.
 */
@StrideIntegrationTest
class ClubIntegrationTests {

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  static void regions(@Autowired HttpJson http) {
    TopicWriter.send(region("NL", true));
    TopicWriter.send(region("DK", true));
    TopicWriter.send(region("KP", false));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                http.get("/actuator/regions/NL", null).status() == 200
                    && http.get("/actuator/regions/DK", null).status() == 200
                    && http.get("/actuator/regions/KP", null).status() == 200);
  }

  @Test
  void aNameIsUniquePerRegionIgnoringCaseAndAccentsAndClubsNeedARegionOfferingThem() {
    UUID owner = publicAthlete(jdbc, "Club Founder");
    Reply created = create(owner, "Café Runners " + suffix(), "nl", false);
    String name = created.json().get("name").asString();

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("region").asString()).isEqualTo("NL");
    assertThat(created.json().get("yourRole").asString()).isEqualTo("OWNER");
    assertThat(create(owner, name.toUpperCase().replace("É", "E"), "NL", false).status())
        .isEqualTo(409);
    assertThat(create(owner, name, "KP", false).status())
        .as("no clubs offered in KP")
        .isEqualTo(422);
    assertThat(create(owner, name, "ZZ", false).status()).isEqualTo(422);
    assertThat(
            http.post(
                    "/api/v1/social/clubs",
                    writer(owner),
                    object("name", "Bad sport " + suffix(), "region", "NL", "sport", "curling"))
                .status())
        .isEqualTo(422);
  }

  @Test
  void aPublicClubIsJoinedAtOnceAPrivateOneAfterAnAdminApproves() {
    UUID owner = publicAthlete(jdbc, "Private Club Owner");
    UUID runner = publicAthlete(jdbc, "Would-be Member");
    String open = id(create(owner, "Open Club " + suffix(), "NL", false));
    String closed = id(create(owner, "Closed Club " + suffix(), "NL", true));

    assertThat(join(runner, open)).isEqualTo("MEMBER");
    assertThat(join(runner, closed)).isEqualTo("REQUESTED");
    assertThat(http.get("/api/v1/social/clubs/" + closed + "/members", reader(runner)).status())
        .as("a private club's members, to one who only asked")
        .isEqualTo(404);
    assertThat(ids(http.get("/api/v1/social/clubs/" + closed + "/requests", reader(owner))))
        .containsExactly(runner);

    assertThat(
            http.put(
                    "/api/v1/social/clubs/" + closed + "/members/" + runner + "/approval",
                    writer(owner),
                    null)
                .status())
        .isEqualTo(204);
    assertThat(ids(http.get("/api/v1/social/clubs/" + closed + "/members", reader(runner))))
        .containsExactlyInAnyOrder(owner, runner);
    assertThat(
            http.get("/api/v1/social/clubs/" + closed, reader(owner))
                .json()
                .get("members")
                .asLong())
        .isEqualTo(2);
  }

  @Test
  void theLastOwnerHandsOverBeforeLeavingAndOnlyManagersRemoveMembers() {
    UUID owner = publicAthlete(jdbc, "Leaving Owner");
    UUID member = publicAthlete(jdbc, "Heir");
    UUID other = publicAthlete(jdbc, "Other Member");
    String club = id(create(owner, "Handover Club " + suffix(), "NL", false));
    join(member, club);
    join(other, club);
    String members = "/api/v1/social/clubs/" + club + "/members/";

    assertThat(http.delete(members + "me", writer(owner)).status()).isEqualTo(409);
    assertThat(http.delete(members + other, writer(member)).status())
        .as("a member removes nobody")
        .isEqualTo(404);
    assertThat(
            http.put(members + member + "/role", writer(owner), object("role", "OWNER")).status())
        .isEqualTo(204);
    assertThat(http.delete(members + "me", writer(owner)).status()).isEqualTo(204);
    assertThat(http.delete(members + other, writer(member)).status()).isEqualTo(204);
    assertThat(ids(http.get("/api/v1/social/clubs/" + club + "/members", reader(member))))
        .containsExactly(member);
  }

  @Test
  void theCreatorJoinsAsOwnerAndAnotherRoleGivenPublishesClubRoleChangedButTheRoleHeldNothing() {
    UUID owner = publicAthlete(jdbc, "Role Giver");
    UUID member = publicAthlete(jdbc, "Promoted Member");

    try (TopicReader clubs = new TopicReader(SocialTopics.CLUBS.name())) {
      String club = id(create(owner, "Role Club " + suffix(), "NL", false));
      String members = "/api/v1/social/clubs/" + club + "/members/";
      join(member, club);
      assertThat(
              http.put(members + member + "/role", writer(owner), object("role", "ADMIN")).status())
          .isEqualTo(204);
      assertThat(
              http.put(members + member + "/role", writer(owner), object("role", "ADMIN")).status())
          .as("the role the member has")
          .isEqualTo(204);
      assertThat(
              http.put(members + owner + "/role", writer(owner), object("role", "MEMBER")).status())
          .as("the last owner")
          .isEqualTo(409);
      assertThat(
              http.put(members + member + "/role", writer(owner), object("role", "MEMBER"))
                  .status())
          .isEqualTo(204);
      assertThat(http.delete(members + "me", writer(member)).status()).isEqualTo(204);

      // one key keeps its order: anything published in between arrives before the ClubLeft
      List<JsonNode> events =
          clubs.await(record -> club.equals(record.key()), 6, Duration.ofSeconds(30)).stream()
              .map(record -> HttpJson.parse(record.value()))
              .toList();
      assertThat(events)
          .extracting(event -> event.get("type").asString())
          .containsExactly(
              "ClubUpdated",
              "ClubJoined",
              "ClubJoined",
              "ClubRoleChanged",
              "ClubRoleChanged",
              "ClubLeft");
      JsonNode created = events.get(1).get("payload");
      assertThat(created.get("athleteId").asString())
          .as("the creator is the club's first member, its owner")
          .isEqualTo(owner.toString());
      assertThat(created.get("role").asString()).isEqualTo("OWNER");
      assertThat(events.get(2).get("payload").get("role").asString()).isEqualTo("MEMBER");
      JsonNode promoted = events.get(3).get("payload");
      assertThat(promoted.get("clubId").asString()).isEqualTo(club);
      assertThat(promoted.get("athleteId").asString()).isEqualTo(member.toString());
      assertThat(promoted.get("role").asString()).isEqualTo("ADMIN");
      assertThat(promoted.hasNonNull("changedAt")).isTrue();
      assertThat(events.get(4).get("payload").get("role").asString()).isEqualTo("MEMBER");
    }
  }

  @Test
  void creatingAClubPublishesItsDirectoryFacts() {
    UUID owner = publicAthlete(jdbc, "Directory Founder");
    String name = "Directory Club " + suffix();
    Instant before = Instant.now();
    String club =
        id(
            http.post(
                "/api/v1/social/clubs",
                writer(owner),
                object(
                    "name",
                    "  " + name + " ",
                    "description",
                    "Long runs",
                    "region",
                    "nl",
                    "sport",
                    "trail_run",
                    "isPrivate",
                    true)));

    List<JsonNode> published = clubUpdates(club);
    assertThat(published).hasSize(1);
    JsonNode facts = published.get(0);
    assertThat(facts.get("clubId").asString()).isEqualTo(club);
    assertThat(facts.get("name").asString()).as("as stored: stripped").isEqualTo(name);
    assertThat(facts.get("sport").asString()).isEqualTo("trail_run");
    assertThat(facts.get("region").asString()).as("as stored: upper case").isEqualTo("NL");
    assertThat(facts.get("privateClub").asBoolean()).isTrue();
    assertThat(Instant.parse(facts.get("updatedAt").asString()))
        .isBetween(before.minusSeconds(1), Instant.now());

    String sportless = id(create(owner, "No Sport Club " + suffix(), "NL", false, null));
    JsonNode open = clubUpdates(sportless).get(0);
    assertThat(open.get("sport").isNull()).as("a club of every sport").isTrue();
    assertThat(open.get("privateClub").asBoolean()).isFalse();
  }

  @Test
  void aCreationRepeatedWithItsIdempotencyKeyPublishesNoSecondClubUpdated() {
    UUID owner = publicAthlete(jdbc, "Repeating Founder");
    String key = UUID.randomUUID().toString();
    String body = HttpJson.toJson(object("name", "Once Club " + suffix(), "region", "NL"));
    Reply first = createOnce(owner, key, body);
    Reply again = createOnce(owner, key, body);

    assertThat(id(again)).isEqualTo(id(first));
    assertThat(clubUpdates(id(first))).hasSize(1);
  }

  @Test
  void aChangeThatAltersNothingPublishesNoClubUpdated() {
    UUID owner = publicAthlete(jdbc, "Quiet Owner");
    String name = "Quiet Club " + suffix();
    String club = id(create(owner, name, "NL", false));

    // neither the description nor the picture is a directory fact
    change(
        owner,
        club,
        object("description", "Only the description", "avatarUrl", "https://img.example/c.png"));
    // the facts the club already has, as they may be typed
    change(
        owner,
        club,
        object("name", " " + name + " ", "sport", "run", "region", "nl", "isPrivate", false));
    change(owner, club, object());

    assertThat(clubUpdates(club)).as("the creation's only").hasSize(1);
  }

  @Test
  void aChangeOfANameSportRegionOrPrivacyPublishesTheClubAsItNowStands() {
    UUID owner = publicAthlete(jdbc, "Changing Owner");
    UUID admin = publicAthlete(jdbc, "Changing Admin");
    String club = id(create(owner, "Before Club " + suffix(), "NL", false));
    join(admin, club);
    assertThat(
            http.put(
                    "/api/v1/social/clubs/" + club + "/members/" + admin + "/role",
                    writer(owner),
                    object("role", "ADMIN"))
                .status())
        .isEqualTo(204);
    String renamed = "After Club " + suffix();

    change(admin, club, object("name", renamed));
    change(owner, club, object("isPrivate", true));
    change(owner, club, object("sport", "ride", "description", "Now rides"));
    change(owner, club, object("region", "dk"));

    List<JsonNode> published = clubUpdates(club);
    assertThat(published).hasSize(5);
    assertThat(published).extracting(facts -> facts.get("clubId").asString()).containsOnly(club);
    assertThat(published)
        .extracting(facts -> facts.get("name").asString())
        .containsExactly(
            published.get(0).get("name").asString(), renamed, renamed, renamed, renamed);
    assertThat(published)
        .extracting(facts -> facts.get("privateClub").asBoolean())
        .containsExactly(false, false, true, true, true);
    assertThat(published)
        .extracting(facts -> facts.get("sport").asString())
        .containsExactly("run", "run", "run", "ride", "ride");
    assertThat(published)
        .extracting(facts -> facts.get("region").asString())
        .containsExactly("NL", "NL", "NL", "NL", "DK");
    assertThat(published)
        .extracting(facts -> Instant.parse(facts.get("updatedAt").asString()))
        .as("consumers keep the latest")
        .isSorted()
        .doesNotHaveDuplicates();
  }

  @Test
  void aClubFeedShowsItsMembersWorkoutsTheReaderMaySeeAndAPrivateOnesOnlyToMembers() {
    UUID owner = publicAthlete(jdbc, "Feed Club Owner");
    UUID member = publicAthlete(jdbc, "Feed Club Member");
    UUID visitor = publicAthlete(jdbc, "Club Visitor");
    String open = id(create(owner, "Feed Open " + suffix(), "NL", false));
    String closed = id(create(owner, "Feed Closed " + suffix(), "NL", true));
    join(member, open);
    UUID everyone = recorded(member, "public");
    recorded(member, "followers");

    List<String> seen = new ArrayList<>();
    http.get("/api/v1/social/clubs/" + open + "/feed", reader(visitor))
        .json()
        .get("items")
        .forEach(item -> seen.add(item.get("workoutId").asString()));
    assertThat(seen)
        .as("the visitor does not follow the member: the public workout only")
        .containsExactly(everyone.toString());
    assertThat(http.get("/api/v1/social/clubs/" + closed + "/feed", reader(visitor)).status())
        .isEqualTo(404);
    assertThat(http.get("/api/v1/social/clubs/" + closed + "/feed", reader(owner)).status())
        .isEqualTo(200);
  }

  private UUID recorded(UUID owner, String visibility) {
    UUID workout = UUID.randomUUID();
    var sent =
        TopicWriter.send(
            new io.stride.contracts.workout.WorkoutRecorded(
                new io.stride.contracts.workout.WorkoutSummary(
                    workout,
                    owner,
                    "run",
                    "Club run",
                    java.time.Instant.parse("2026-11-21T07:00:00Z"),
                    2400,
                    2350L,
                    8000.0,
                    40.0,
                    null,
                    null,
                    visibility,
                    "manual",
                    List.of())));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from social.processed_event where event_id = ?",
                        Integer.class,
                        sent.id())
                    == 1);
    return workout;
  }

  @Test
  void clubsAreFoundByTheStartOfTheirName() {
    String prefix = "Zq" + suffix();
    UUID owner = publicAthlete(jdbc, "Finder");
    String first = id(create(owner, prefix + " Alpha", "NL", false));
    String second = id(create(owner, prefix + " Beta", "NL", true));

    Reply found = http.get("/api/v1/social/clubs?q=" + prefix.toLowerCase(), reader(owner));
    List<String> ids = new ArrayList<>();
    found.json().get("items").forEach(club -> ids.add(club.get("clubId").asString()));
    assertThat(ids).containsExactly(first, second);
  }

  @Test
  void aClubWhoseLastOwnerIsErasedGoesToItsAdminWhoIsPublishedAsTheNewOwner() {
    UUID owner = publicAthlete(jdbc, "Erased Owner");
    UUID admin = publicAthlete(jdbc, "Club Heir");
    UUID member = publicAthlete(jdbc, "Plain Member");
    String club = id(create(owner, "Heir Club " + suffix(), "NL", false));
    join(member, club);
    join(admin, club);
    assertThat(
            http.put(
                    "/api/v1/social/clubs/" + club + "/members/" + admin + "/role",
                    writer(owner),
                    object("role", "ADMIN"))
                .status())
        .isEqualTo(204);

    try (TopicReader clubs = new TopicReader(SocialTopics.CLUBS.name())) {
      TopicWriter.send(new UserDeleted(owner, Instant.now()));
      JsonNode handedOver =
          HttpJson.parse(
              clubs
                  .await(
                      record ->
                          club.equals(record.key())
                              && record.value().contains("ClubRoleChanged")
                              && HttpJson.parse(record.value())
                                  .get("payload")
                                  .get("role")
                                  .asString()
                                  .equals("OWNER"),
                      1,
                      Duration.ofSeconds(30))
                  .get(0)
                  .value());
      assertThat(handedOver.get("payload").get("athleteId").asString())
          .as("the admin, not the member who joined before them")
          .isEqualTo(admin.toString());
      assertThat(handedOver.get("payload").get("role").asString()).isEqualTo("OWNER");
    }
    assertThat(
            http.get("/api/v1/social/clubs/" + club, reader(admin))
                .json()
                .get("yourRole")
                .asString())
        .isEqualTo("OWNER");
  }

  private Reply create(UUID owner, String name, String region, boolean isPrivate) {
    return create(owner, name, region, isPrivate, "run");
  }

  private Reply create(UUID owner, String name, String region, boolean isPrivate, String sport) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("name", name);
    body.put("region", region);
    body.put("isPrivate", isPrivate);
    if (sport != null) {
      body.put("sport", sport);
    }
    return http.post("/api/v1/social/clubs", writer(owner), body);
  }

  private Reply createOnce(UUID owner, String key, String body) {
    return http.send(
        http.request("/api/v1/social/clubs", writer(owner))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private void change(UUID manager, String club, Map<String, Object> change) {
    Reply changed = http.patch("/api/v1/social/clubs/" + club, writer(manager), change);
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
  }

  /** The payloads of the club's ClubUpdated events in the outbox, oldest first. */
  private List<JsonNode> clubUpdates(String club) {
    return jdbc
        .queryForList(
            "select envelope::text from social.outbox_event"
                + " where event_type = 'ClubUpdated' and message_key = ? order by seq",
            String.class,
            club)
        .stream()
        .map(envelope -> HttpJson.parse(envelope).get("payload"))
        .toList();
  }

  private String join(UUID athlete, String club) {
    Reply joined = http.put("/api/v1/social/clubs/" + club + "/members/me", writer(athlete), null);
    assertThat(joined.status()).as(joined.body()).isEqualTo(200);
    return joined.json().get("yourRole").asString();
  }

  private static String id(Reply created) {
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("clubId").asString();
  }

  private static List<UUID> ids(Reply page) {
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    List<UUID> ids = new ArrayList<>();
    page.json()
        .get("items")
        .forEach(item -> ids.add(UUID.fromString(item.get("athleteId").asString())));
    return ids;
  }

  private static String suffix() {
    return Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()), 36);
  }

  private static RegionSettingsChanged region(String code, boolean clubs) {
    return new RegionSettingsChanged(
        code,
        code,
        code,
        null,
        "metric",
        List.of("en-" + code),
        "en-" + code,
        "EUR",
        List.of("Europe/Amsterdam"),
        "MONDAY",
        16,
        new RegionSettingsChanged.Legal("2026-01", 365),
        Map.of("clubs", clubs),
        1);
  }
}
