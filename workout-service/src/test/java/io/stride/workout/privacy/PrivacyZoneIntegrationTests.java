package io.stride.workout.privacy;

import static io.stride.platform.test.HttpJson.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestTokens;
import io.stride.workout.metrics.Geodesy;
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

    JsonNode forStranger = http.get(path, reader(UUID.randomUUID())).json().get("streams");
    JsonNode forOwner = http.get(path, reader(owner)).json().get("streams");

    int hidden = 0;
    double nearestShown = Double.MAX_VALUE;
    for (int i = 0; i < forStranger.get("lat").size(); i++) {
      JsonNode lat = forStranger.get("lat").get(i);
      if (lat.isNull()) {
        hidden++;
        continue;
      }
      nearestShown =
          Math.min(
              nearestShown,
              Geodesy.distance(
                  HOME_LAT, HOME_LNG, lat.asDouble(), forStranger.get("lng").get(i).asDouble()));
    }
    assertThat(nearestShown).isGreaterThan(400);
    assertThat(hidden).isBetween(40, 61); // 400–600 m of a 10 m-per-point run from home
    assertThat(forOwner.get("lat").get(0).asDouble()).isEqualTo(HOME_LAT);
    assertThat(http.get(path, reader(UUID.randomUUID())).json().get("streams"))
        .isEqualTo(forStranger);
  }

  @Test
  void movingOrDeletingAZoneAppliesToExistingWorkouts() {
    UUID owner = UUID.randomUUID();
    String workoutId = runFromHome(owner);
    String path = "/api/v1/workouts/" + workoutId + "/streams?types=lat&resolution=high";
    assertThat(
            http.get(path, reader(UUID.randomUUID()))
                .json()
                .get("streams")
                .get("lat")
                .get(0)
                .isNull())
        .isFalse();

    String zoneId =
        http.post(
                "/api/v1/privacy-zones",
                writer(owner),
                object("latitude", HOME_LAT, "longitude", HOME_LNG, "radiusMeters", 200))
            .json()
            .get("id")
            .asString();
    assertThat(
            http.get(path, reader(UUID.randomUUID()))
                .json()
                .get("streams")
                .get("lat")
                .get(0)
                .isNull())
        .isTrue();

    http.delete("/api/v1/privacy-zones/" + zoneId, writer(owner));
    assertThat(
            http.get(path, reader(UUID.randomUUID()))
                .json()
                .get("streams")
                .get("lat")
                .get(0)
                .isNull())
        .isFalse();
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
