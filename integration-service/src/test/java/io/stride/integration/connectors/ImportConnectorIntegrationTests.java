package io.stride.integration.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.auth.UserDeleted;
import io.stride.contracts.integration.IntegrationTopics;
import io.stride.contracts.workout.ImportCompleted;
import io.stride.integration.IntegrationFixtures;
import io.stride.integration.MovableClock;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestTokens;
import io.stride.platform.test.TopicReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Athletes linking Strava and their activities coming in through the Strava API v3 connector,
 * against a local stub that speaks Strava's formats: the consent round trip, each activity handed
 * to workout-service once as a TCX file, tokens refreshed, rate limits counted and respected,
 * revoked access, unlinking and erasure.
 */
@StrideIntegrationTest
class ImportConnectorIntegrationTests {

  private static final String STRAVA = "/api/v1/import-connectors/strava";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Instant DAY =
      Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3));

  @Autowired HttpJson http;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired MovableClock clock;
  @Autowired StravaStub strava;
  @Autowired ConnectorPulls pulls;

  @BeforeEach
  @AfterEach
  void freshQuota() {
    strava.reset();
    jdbc.update("delete from integration.connector_quota");
  }

  @Test
  void linkingStravaImportsEachRecordedActivityOnceAsATcxFileAndSkipsManualEntries()
      throws Exception {
    UUID athlete = UUID.randomUUID();
    StravaStub.Athlete remote =
        strava
            .athlete()
            .recorded(1001, "Run", DAY.plusSeconds(3600), 120, "everyone")
            .manual(1002, DAY.plusSeconds(7200))
            .recorded(1003, "Ride", DAY.plusSeconds(10_800), 60, "only_me");

    try (TopicReader imports = new TopicReader(IntegrationTopics.IMPORTS.name())) {
      JsonNode linked = link(athlete, remote);
      assertThat(linked.get("status").asString()).isEqualTo("active");
      assertThat(linked.get("accountName").asString()).isEqualTo("Jo Runner");

      pulls.pullDue();
      pulls.pullDue();
      sync(athlete);
      pulls.pullDue();

      List<ConsumerRecord<String, String>> received =
          imports.await(r -> r.key().equals(athlete.toString()), 2, WAIT);
      assertThat(received).hasSize(2);
      JsonNode run = HttpJson.parse(received.get(0).value()).get("payload");
      assertThat(run.get("origin").asString()).isEqualTo("Strava");
      assertThat(run.get("externalId").asString()).isEqualTo("strava:1001");
      assertThat(run.get("sport").asString()).isEqualTo("run");
      String tcx = gunzip(run.get("gzipBase64").asString());
      assertThat(tcx).contains("<Activity Sport=\"Running\">");
      assertThat(tcx.split("<Trackpoint>", -1)).hasSize(121);
      assertThat(tcx).contains("<LatitudeDegrees>52.52</LatitudeDegrees>");
      assertThat(tcx).contains("<HeartRateBpm><Value>120</Value></HeartRateBpm>");
      JsonNode ride = HttpJson.parse(received.get(1).value()).get("payload");
      assertThat(ride.get("sport").asString()).isEqualTo("ride");
      assertThat(ride.get("title").asString()).isEqualTo("Activity 1003");
      assertThat(ride.get("visibility").asString())
          .as("\"only me\" on Strava stays private")
          .isEqualTo("private");
    }
    assertThat(filesHandedOver(athlete)).as("pulled three times, handed over once").isEqualTo(2);

    JsonNode activities = http.get(STRAVA + "/activities", read(athlete)).json();
    assertThat(activities).hasSize(3);
    assertThat(statusOf(activities, "1003")).isEqualTo("accepted");
    assertThat(statusOf(activities, "1002")).isEqualTo("skipped");
    assertThat(field(activities, "1002", "reason")).contains("manual entry");
    JsonNode source = http.get(STRAVA, read(athlete)).json();
    assertThat(source.get("activities").asLong()).isEqualTo(3);
    assertThat(source.get("lastSyncedAt").isNull()).isFalse();
  }

  @Test
  void theImportsOutcomeReachesTheActivityList() {
    UUID athlete = UUID.randomUUID();
    StravaStub.Athlete remote =
        strava.athlete().recorded(2001, "Run", DAY.plusSeconds(60), 30, "everyone");
    link(athlete, remote);
    pulls.pullDue();
    UUID importId =
        UUID.fromString(
            http.get(STRAVA + "/activities", read(athlete))
                .json()
                .get(0)
                .get("importId")
                .asString());
    UUID workout = UUID.randomUUID();

    new IntegrationFixtures(http, dataSource)
        .applied(new ImportCompleted(athlete, importId, "done", workout, Instant.now()));

    JsonNode activity = http.get(STRAVA + "/activities", read(athlete)).json().get(0);
    assertThat(activity.get("status").asString()).isEqualTo("done");
    assertThat(activity.get("workoutId").asString()).isEqualTo(workout.toString());
  }

  @Test
  void aStateWorksOnceAndOnlyForTheAthleteItWasGivenTo() {
    UUID athlete = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    StravaStub.Athlete remote = strava.athlete();
    String state = state(athlete);

    HttpJson.Reply stolen =
        http.post(
            STRAVA + "/link",
            write(other),
            linkBody(strava.codeFor(remote), state, "read,activity:read"));
    HttpJson.Reply own =
        http.post(
            STRAVA + "/link",
            write(athlete),
            linkBody(strava.codeFor(remote), state, "read,activity:read"));
    HttpJson.Reply reused =
        http.post(
            STRAVA + "/link",
            write(athlete),
            linkBody(strava.codeFor(remote), state, "read,activity:read"));

    assertThat(stolen.status()).as(stolen.body()).isEqualTo(422);
    assertThat(stolen.contentType()).startsWith("application/problem+json");
    assertThat(own.status()).as("another athlete's try does not use it up").isEqualTo(201);
    assertThat(reused.status()).as(reused.body()).isEqualTo(422);
    assertThat(reused.json().get("detail").asString()).contains("state");
    assertThat(http.get(STRAVA, read(other)).json().get("status").asString()).isEqualTo("unlinked");
  }

  @Test
  void linkingWithoutTheActivityScopeACodeStravaRefusesOrAForeignRedirectIsA422() {
    UUID athlete = UUID.randomUUID();
    StravaStub.Athlete remote = strava.athlete();

    HttpJson.Reply noScope =
        http.post(
            STRAVA + "/link",
            write(athlete),
            linkBody(strava.codeFor(remote), state(athlete), "read"));
    HttpJson.Reply badCode =
        http.post(
            STRAVA + "/link",
            write(athlete),
            linkBody("not-a-code", state(athlete), "read,activity:read_all"));
    HttpJson.Reply foreign =
        http.post(
            STRAVA + "/authorizations",
            write(athlete),
            Map.of("redirectUri", "https://evil.example/cb"));

    assertThat(noScope.status()).as(noScope.body()).isEqualTo(422);
    assertThat(noScope.body()).contains("scope");
    assertThat(badCode.status()).as(badCode.body()).isEqualTo(422);
    assertThat(badCode.body()).contains("code");
    assertThat(foreign.status()).as(foreign.body()).isEqualTo(422);
    assertThat(foreign.body()).contains("redirectUri");
    assertThat(http.get("/api/v1/import-connectors/garmin-connect", read(athlete)).status())
        .isEqualTo(404);
  }

  @Test
  void theAuthorizationUrlIsStravasConsentPageForStridesApplication() {
    UUID athlete = UUID.randomUUID();
    HttpJson.Reply reply =
        http.post(
            STRAVA + "/authorizations",
            write(athlete),
            Map.of("redirectUri", "io.stride.app:/strava"));

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    URI url = URI.create(reply.json().get("authorizationUrl").asString());
    Map<String, String> query =
        Arrays.stream(url.getRawQuery().split("&"))
            .map(p -> p.split("=", 2))
            .collect(
                Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    assertThat(url.getPath()).isEqualTo("/oauth/authorize");
    assertThat(query)
        .containsEntry("client_id", StravaStub.CLIENT_ID)
        .containsEntry("response_type", "code")
        .containsEntry("redirect_uri", "io.stride.app:/strava")
        .containsEntry("scope", "read,activity:read_all")
        .containsEntry("state", reply.json().get("state").asString());
  }

  @Test
  void anExpiringTokenIsRefreshedBeforePullingAndARevokedOneAsksTheAthleteToLinkAgain() {
    UUID athlete = UUID.randomUUID();
    StravaStub.Athlete remote =
        strava.athlete().recorded(3001, "Run", DAY.plusSeconds(60), 30, "everyone");
    strava.accessTokensLast(120); // under five minutes: refreshed before use
    link(athlete, remote);
    int refreshes = strava.refreshes();

    pulls.pullDue();

    assertThat(strava.refreshes()).isEqualTo(refreshes + 1);
    assertThat(filesHandedOver(athlete)).isOne();

    remote.recorded(3002, "Run", DAY.plusSeconds(7200), 30, "everyone");
    strava.revoke(remote);
    sync(athlete);
    pulls.pullDue();

    JsonNode source = http.get(STRAVA, read(athlete)).json();
    assertThat(source.get("status").asString()).isEqualTo("reauthorize");
    assertThat(source.get("lastError").asString()).contains("link it again");
    assertThat(filesHandedOver(athlete)).isOne();
    assertThat(http.post(STRAVA + "/syncs", write(athlete), Map.of()).status())
        .as("nothing to pull until linked again")
        .isEqualTo(404);

    link(athlete, remote);
    pulls.pullDue();
    assertThat(filesHandedOver(athlete)).as("linked again: the rest comes").isEqualTo(2);
  }

  @Test
  void whenStravasReadLimitIsUsedUpNoRequestIsMadeUntilTheWindowEnds() {
    Duration window = Duration.ofMinutes(15);
    Instant thisWindow = ConnectorQuota.shortStart(clock.instant(), window);
    // the next window is full too, so the test means the same if it runs across :15
    jdbc.update(
        "insert into integration.connector_quota values ('strava', 'short', ?, 100, 100)",
        java.sql.Timestamp.from(thisWindow.plus(window)));
    UUID athlete = UUID.randomUUID();
    StravaStub.Athlete remote =
        strava.athlete().recorded(4001, "Run", DAY.plusSeconds(60), 30, "everyone");
    link(athlete, remote);
    strava.reportUsage(100, 400); // Strava says Stride's application used its 100 this window

    pulls.pullDue(); // the list request comes back with that count: the stream request waits
    int requests = strava.apiRequests();
    sync(athlete);
    pulls.pullDue();

    assertThat(strava.apiRequests())
        .as("nothing sent while the window is full")
        .isEqualTo(requests);
    assertThat(filesHandedOver(athlete)).isZero();
    JsonNode source = http.get(STRAVA, read(athlete)).json();
    Instant next = Instant.parse(source.get("nextSyncAt").asString());
    assertThat(next)
        .as("parked until the full window ends")
        .isIn(thisWindow.plus(window), thisWindow.plus(window).plus(window));
    assertThat(source.get("lastError").asString()).contains("15-minute");

    jdbc.update("delete from integration.connector_quota"); // the next window
    strava.reset();
    sync(athlete);
    pulls.pullDue();
    assertThat(filesHandedOver(athlete)).isOne();
  }

  @Test
  void aTooManyRequestsAnswerFillsTheWindowForEveryAccount() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    link(first, strava.athlete().recorded(5001, "Run", DAY.plusSeconds(60), 30, "everyone"));
    link(second, strava.athlete().recorded(5002, "Run", DAY.plusSeconds(60), 30, "everyone"));
    strava.limit(true);

    int before = strava.apiRequests();
    pulls.pullDue();

    assertThat(strava.apiRequests() - before)
        .as("one request answered 429, then none for anyone")
        .isEqualTo(1);
    Integer left =
        jdbc.queryForObject(
            "select allowed - used from integration.connector_quota where source = 'strava' and window_kind = 'short'",
            Integer.class);
    assertThat(left).isZero();
    assertThat(filesHandedOver(first) + filesHandedOver(second)).isZero();
  }

  @Test
  void aLongHistoryComesInTurnsOfTheBatchSize() {
    UUID athlete = UUID.randomUUID();
    StravaStub.Athlete remote = strava.athlete();
    for (int i = 0; i < 7; i++) {
      remote.recorded(6000 + i, "Run", DAY.plusSeconds(60 + 600L * i), 10, "everyone");
    }
    link(athlete, remote);

    pulls.pullDue();

    assertThat(filesHandedOver(athlete)).as("three per turn, turns until caught up").isEqualTo(7);
    JsonNode source = http.get(STRAVA, read(athlete)).json();
    assertThat(Instant.parse(source.get("importedAfter").asString()))
        .isEqualTo(DAY.plusSeconds(60 + 3600));
    assertThat(Instant.parse(source.get("nextSyncAt").asString()))
        .isAfter(clock.instant().plus(Duration.ofMinutes(50)));
  }

  @Test
  void oneStravaAccountLinksToOneStrideAccount() {
    StravaStub.Athlete remote = strava.athlete();
    link(UUID.randomUUID(), remote);
    UUID other = UUID.randomUUID();

    HttpJson.Reply reply =
        http.post(
            STRAVA + "/link",
            write(other),
            linkBody(strava.codeFor(remote), state(other), "read,activity:read"));

    assertThat(reply.status()).as(reply.body()).isEqualTo(409);
    assertThat(reply.json().get("detail").asString()).contains("another Stride account");
  }

  @Test
  void unlinkingTellsStravaDeletesTheTokensAndStopsImports() {
    UUID athlete = UUID.randomUUID();
    StravaStub.Athlete remote = strava.athlete();
    link(athlete, remote);

    HttpJson.Reply unlinked = http.delete(STRAVA + "/link", write(athlete));

    assertThat(unlinked.status()).as(unlinked.body()).isEqualTo(204);
    assertThat(strava.deauthorized()).contains(Long.toString(remote.id));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from integration.connector_account where user_id = ?",
                Long.class,
                athlete))
        .isZero();
    assertThat(http.delete(STRAVA + "/link", write(athlete)).status()).isEqualTo(404);
    assertThat(http.get(STRAVA, read(athlete)).json().get("status").asString())
        .isEqualTo("unlinked");
  }

  @Test
  void theConnectorApiNeedsTheImportScopes() {
    UUID athlete = UUID.randomUUID();
    String profileOnly = TestTokens.get().forUser(athlete, "profile:read");

    assertThat(http.get(STRAVA, profileOnly).status()).isEqualTo(403);
    assertThat(http.post(STRAVA + "/authorizations", read(athlete), Map.of()).status())
        .isEqualTo(403);
    assertThat(http.get(STRAVA, null).status()).isEqualTo(401);
  }

  @Test
  void anErasedAthletesLinksTokensAndImportedActivitiesAreGone() {
    UUID athlete = UUID.randomUUID();
    link(athlete, strava.athlete().recorded(7001, "Run", DAY.plusSeconds(60), 10, "everyone"));
    state(athlete);
    pulls.pullDue();

    new IntegrationFixtures(http, dataSource).applied(new UserDeleted(athlete, Instant.now()));

    for (String table :
        List.of("connector_account", "connector_activity", "connector_authorization")) {
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from integration." + table + " where user_id = ?",
                  Long.class,
                  athlete))
          .as(table)
          .isZero();
    }
  }

  private JsonNode link(UUID athlete, StravaStub.Athlete remote) {
    HttpJson.Reply reply =
        http.post(
            STRAVA + "/link",
            write(athlete),
            linkBody(strava.codeFor(remote), state(athlete), "read,activity:read_all"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json();
  }

  private String state(UUID athlete) {
    HttpJson.Reply reply = http.post(STRAVA + "/authorizations", write(athlete), Map.of());
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().get("state").asString();
  }

  private void sync(UUID athlete) {
    HttpJson.Reply reply = http.post(STRAVA + "/syncs", write(athlete), Map.of());
    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
  }

  private static Map<String, Object> linkBody(String code, String state, String scope) {
    return Map.of("code", code, "state", state, "scope", scope, "importSince", DAY.toString());
  }

  private static String read(UUID athlete) {
    return TestTokens.get().forUser(athlete, "imports:read");
  }

  private static String write(UUID athlete) {
    return TestTokens.get().forUser(athlete, "imports:read", "imports:write");
  }

  private static String statusOf(JsonNode activities, String externalId) {
    return field(activities, externalId, "status");
  }

  private static String field(JsonNode activities, String externalId, String field) {
    for (JsonNode activity : activities) {
      if (activity.get("externalId").asString().equals(externalId)) {
        return activity.get(field).asString();
      }
    }
    throw new AssertionError("no activity " + externalId + " in " + activities);
  }

  private long filesHandedOver(UUID athlete) {
    return jdbc.queryForObject(
        "select count(*) from integration.outbox_event where event_type = 'ActivityFileReceived'"
            + " and envelope::text like ?",
        Long.class,
        "%" + athlete + "%");
  }

  private static String gunzip(String base64) throws Exception {
    try (GZIPInputStream in =
        new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
