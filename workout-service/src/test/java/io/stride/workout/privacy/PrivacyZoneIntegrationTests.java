package io.stride.workout.privacy;

import static io.stride.platform.test.HttpJson.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestTokens;
import io.stride.workout.metrics.Geodesy;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@StrideIntegrationTest
class PrivacyZoneIntegrationTests {

  private static final TestTokens tokens = TestTokens.get();
  private static final double HOME_LAT = 45.0;
  private static final double HOME_LNG = 6.0;
  private static final int POINTS = 101;

  @Autowired JdbcTemplate jdbc;
  @Autowired HttpJson http;

  @Test
  void othersNeverGetAPositionInsideTheZoneAndTheOwnerSeesEverything() {
    UUID owner = UUID.randomUUID();
    Reply zone =
        http.post(
            "/api/v1/privacy-zones",
            writer(owner),
            object(
                "latitude", HOME_LAT, "longitude", HOME_LNG, "radiusMeters", 400, "label", "Home"));
    assertThat(zone.status()).as(zone.body()).isEqualTo(201);
    String workoutId = runFromHome(owner);
    String path = "/api/v1/workouts/" + workoutId + "/streams?types=lat,lng&resolution=high";

    JsonNode forStranger = http.get(path, reader(UUID.randomUUID())).json();
    JsonNode forOwner = http.get(path, reader(owner)).json();

    JsonNode lat = forStranger.get("streams").get("lat");
    JsonNode lng = forStranger.get("streams").get("lng");
    double nearestShown = Double.MAX_VALUE;
    for (int i = 0; i < lat.size(); i++) {
      assertThat(lat.get(i).isNull()).isFalse();
      nearestShown =
          Math.min(
              nearestShown,
              Geodesy.distance(HOME_LAT, HOME_LNG, lat.get(i).asDouble(), lng.get(i).asDouble()));
    }
    int hidden = POINTS - forStranger.get("originalPointCount").asInt();
    assertThat(nearestShown).isGreaterThan(400);
    // the trim circle is centred 120–200 m off home with a radius of 1.3–1.75 r: 400–900 m of a
    // 10 m-per-point run from home
    assertThat(hidden).isBetween(40, 91);
    assertThat(lat.size()).isEqualTo(POINTS - hidden);
    assertThat(forOwner.get("originalPointCount").asInt()).isEqualTo(POINTS);
    assertThat(forOwner.get("streams").get("lat").get(0).asDouble()).isEqualTo(HOME_LAT);
    assertThat(http.get(path, reader(UUID.randomUUID())).json()).isEqualTo(forStranger);
  }

  @Test
  void othersGetTheHiddenSamplesRemovedFromEveryStreamAndDistanceAndTimeCountFromTheFirstShown() {
    UUID owner = UUID.randomUUID();
    http.post(
        "/api/v1/privacy-zones",
        writer(owner),
        object("latitude", HOME_LAT, "longitude", HOME_LNG, "radiusMeters", 200));
    String workoutId = runFromHome(owner);
    String all = "/api/v1/workouts/" + workoutId + "/streams?resolution=high";
    String noPositions =
        "/api/v1/workouts/" + workoutId + "/streams?types=time,distance,speed&resolution=high";

    JsonNode forStranger = http.get(all, reader(UUID.randomUUID())).json();
    JsonNode withoutPositions = http.get(noPositions, reader(UUID.randomUUID())).json();
    JsonNode forOwner = http.get(all, reader(owner)).json();

    int shown = forStranger.get("originalPointCount").asInt();
    assertThat(shown).isLessThan(POINTS).isEqualTo(forStranger.get("pointCount").asInt());
    JsonNode streams = forStranger.get("streams");
    assertThat(streams.properties()).extracting(e -> e.getValue().size()).containsOnly(shown);
    assertThat(streams.get("distance").get(0).asDouble()).isZero();
    assertThat(streams.get("time").get(0).asDouble()).isZero();
    double lastDistance = streams.get("distance").get(shown - 1).asDouble();
    double shownLength = 0;
    for (int i = 1; i < shown; i++) {
      shownLength +=
          Geodesy.distance(
              streams.get("lat").get(i - 1).asDouble(),
              streams.get("lng").get(i - 1).asDouble(),
              streams.get("lat").get(i).asDouble(),
              streams.get("lng").get(i).asDouble());
    }
    assertThat(lastDistance).isCloseTo(shownLength, offset(1.0));
    assertThat(withoutPositions.get("originalPointCount").asInt()).isEqualTo(shown);
    assertThat(withoutPositions.get("streams").get("distance")).isEqualTo(streams.get("distance"));
    assertThat(forOwner.get("originalPointCount").asInt()).isEqualTo(POINTS);
    assertThat(forOwner.get("streams").get("distance").get(POINTS - 1).asDouble())
        .isGreaterThan(lastDistance + 200);
  }

  @Test
  void movingOrDeletingAZoneAppliesToExistingWorkouts() {
    UUID owner = UUID.randomUUID();
    String workoutId = runFromHome(owner);
    String path = "/api/v1/workouts/" + workoutId + "/streams?types=lat&resolution=high";
    assertThat(firstLatitudeForAStranger(path)).isEqualTo(HOME_LAT);

    String zoneId =
        http.post(
                "/api/v1/privacy-zones",
                writer(owner),
                object("latitude", HOME_LAT, "longitude", HOME_LNG, "radiusMeters", 200))
            .json()
            .get("id")
            .asString();
    double firstWithZone = firstLatitudeForAStranger(path);
    Reply pinAdjusted =
        put(
            "/api/v1/privacy-zones/" + zoneId,
            writer(owner),
            object(
                "latitude", HOME_LAT, "longitude", HOME_LNG, "radiusMeters", 200, "label", "Home"));
    double firstAfterRelabel = firstLatitudeForAStranger(path);
    put(
        "/api/v1/privacy-zones/" + zoneId,
        writer(owner),
        object("latitude", HOME_LAT + 0.009, "longitude", HOME_LNG, "radiusMeters", 200));
    double firstAfterMove = firstLatitudeForAStranger(path);

    http.delete("/api/v1/privacy-zones/" + zoneId, writer(owner));
    assertThat(firstWithZone).isGreaterThan(HOME_LAT + 200 / 111_132.0);
    assertThat(pinAdjusted.status()).isEqualTo(200);
    assertThat(firstAfterRelabel).isEqualTo(firstWithZone);
    // the zone now covers the run's end: the start is shown again
    assertThat(firstAfterMove).isEqualTo(HOME_LAT);
    assertThat(firstLatitudeForAStranger(path)).isEqualTo(HOME_LAT);
  }

  private Reply put(String path, String token, Object body) {
    return http.send(
        http.request(path, token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(HttpJson.toJson(body)))
            .build());
  }

  private double firstLatitudeForAStranger(String path) {
    return http.get(path, reader(UUID.randomUUID()))
        .json()
        .get("streams")
        .get("lat")
        .get(0)
        .asDouble();
  }

  @Test
  void zonesAreTheOwnersAloneAndValidated() {
    UUID owner = UUID.randomUUID();
    String zoneId =
        http.post(
                "/api/v1/privacy-zones",
                writer(owner),
                object("latitude", 1, "longitude", 1, "radiusMeters", 800))
            .json()
            .get("id")
            .asString();

    Reply tooSmall =
        http.post(
            "/api/v1/privacy-zones",
            writer(owner),
            object("latitude", 1, "longitude", 1, "radiusMeters", 50));
    Reply someoneElses = http.delete("/api/v1/privacy-zones/" + zoneId, writer(UUID.randomUUID()));
    Reply othersList = http.get("/api/v1/privacy-zones", reader(UUID.randomUUID()));

    assertThat(tooSmall.status()).isEqualTo(400);
    assertThat(tooSmall.json().get("errors").toString()).contains("radiusMeters");
    assertThat(someoneElses.status()).isEqualTo(404);
    assertThat(othersList.json().size()).isZero();
    assertThat(http.get("/api/v1/privacy-zones", reader(owner)).json().size()).isEqualTo(1);
  }

  /** A public 1 km run due north from home, one point every 10 m, recorded live. */
  private String runFromHome(UUID owner) {
    String device = tokens.forUser(owner, "readings:write");
    Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    String liveId =
        http.post(
                "/api/v1/workouts/live",
                device,
                object("deviceId", "watch", "sport", "run", "startTime", start.toString()))
            .json()
            .get("id")
            .asString();
    List<Map<String, Object>> samples = new ArrayList<>();
    for (int s = 0; s <= 100; s++) {
      samples.add(
          object(
              "type",
              "gps",
              "time",
              start.plusSeconds(3L * s).toString(),
              "lat",
              HOME_LAT + s * 0.00008998,
              "lng",
              HOME_LNG));
    }
    http.post(
        "/api/v1/readings", device, object("deviceId", "watch", "batch", 1, "samples", samples));
    String workoutId =
        http.post("/api/v1/workouts/live/" + liveId + "/finish", device, object())
            .json()
            .get("workoutId")
            .asString();
    http.patch("/api/v1/workouts/" + workoutId, writer(owner), object("visibility", "public"));
    return workoutId;
  }

  private static String writer(UUID user) {
    return tokens.forUser(user, "workouts:read", "workouts:write");
  }

  private static String reader(UUID user) {
    return tokens.forUser(user, "workouts:read");
  }
}
