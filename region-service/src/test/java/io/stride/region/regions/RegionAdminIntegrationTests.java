package io.stride.region.regions;

import static io.stride.platform.test.HttpJson.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestTokens;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The operators' API: conditional changes, validation against the standards, the audit trail. */
@StrideIntegrationTest
class RegionAdminIntegrationTests {

  private static final TestTokens tokens = TestTokens.get();
  private static final String OPS = tokens.forClient("stride-ops", "regions:admin");

  @Autowired HttpJson http;
  @Autowired RegionDirectory directory;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void aChangeWithTheCurrentEntityTagIsAppliedAuditedAndServedAndAStaleOneIs412() {
    Reply read = http.get("/api/v1/regions/DE-NW", null);
    String tag = read.header("ETag");

    Reply changed =
        patch(
            "DE-NW",
            tag,
            object("settings", object("minimumAge", 16, "flags", object("heatmaps", false))));

    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().get("flags").get("heatmaps").asBoolean()).isFalse();
    assertThat(changed.json().get("flags").get("clubs").asBoolean()).as("inherited").isTrue();
    assertThat(changed.header("ETag")).isNotEqualTo(tag);
    Reply served = http.get("/api/v1/regions/DE-NW", null);
    assertThat(served.header("ETag"))
        .as("the public read serves the change")
        .isEqualTo(changed.header("ETag"));
    assertThat(served.json().get("flags").get("heatmaps").asBoolean()).isFalse();

    Reply stale = patch("DE-NW", tag, object("name", "Nordrhein-Westfalen"));
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.contentType()).startsWith("application/problem+json");
    assertThat(http.get("/api/v1/regions/DE-NW", null).json().get("name").asString())
        .isEqualTo("North Rhine-Westphalia");

    JsonNode audit = http.get("/api/v1/regions/DE-NW/audit", OPS).json().get("items");
    assertThat(audit.get(0).get("actor").asString()).isEqualTo("client:stride-ops");
    assertThat(audit.get(0).get("action").asString()).isEqualTo("changed");
    assertThat(audit.get(0).get("before").get("settings").path("minimumAge").isNumber()).isFalse();
    assertThat(audit.get(0).get("after").get("settings").get("minimumAge").asInt()).isEqualTo(16);
  }

  @Test
  void aChangeToACountryReachesTheSubdivisionsThatInheritItAndInheritRemovesAnOverride() {
    String tag = http.get("/api/v1/regions/CH", null).header("ETag");
    Reply country =
        patch("CH", tag, object("settings", object("legal", object("consentVersion", "2026-07"))));
    assertThat(country.status()).as(country.body()).isEqualTo(200);
    assertThat(
            http.get("/api/v1/regions/CH-GE", null)
                .json()
                .get("legal")
                .get("consentVersion")
                .asString())
        .isEqualTo("2026-07");

    String genevaTag = http.get("/api/v1/regions/CH-GE", null).header("ETag");
    Reply inherit =
        patch("CH-GE", genevaTag, object("inherit", List.of("locales", "defaultLocale")));
    assertThat(inherit.status()).as(inherit.body()).isEqualTo(200);
    assertThat(inherit.json().get("defaultLocale").asString())
        .as("Switzerland's again")
        .isEqualTo("de-CH");
  }

  @Test
  void aWriteWithoutIfMatchIs428AndWithoutTheAdminScope403Or401() {
    Reply noIfMatch =
        send(
            HttpRequest.newBuilder(),
            "PATCH",
            "/api/v1/regions/DE",
            OPS,
            null,
            object("name", "Deutschland"));
    assertThat(noIfMatch.status()).isEqualTo(428);

    String athlete = tokens.forUser(UUID.randomUUID(), "profile:read");
    String tag = http.get("/api/v1/regions/DE", null).header("ETag");
    assertThat(
            send(
                    HttpRequest.newBuilder(),
                    "PATCH",
                    "/api/v1/regions/DE",
                    athlete,
                    tag,
                    object("name", "X"))
                .status())
        .isEqualTo(403);
    assertThat(http.get("/api/v1/regions/DE/audit", null).status()).isEqualTo(401);
    assertThat(http.get("/api/v1/regions/DE/audit", athlete).status()).isEqualTo(403);
  }

  @Test
  void inventedCodesUnknownFlagsAndAnOrphanSubdivisionAre422NamingTheField() {
    Map<String, Object> settings = object("timeZones", List.of("Europe/Hamburg"));
    Reply zone = post(object("code", "DE-HH", "name", "Hamburg", "settings", settings));
    assertThat(zone.status()).isEqualTo(422);
    assertThat(zone.body()).contains("timeZones", "Europe/Hamburg");

    Reply invented = post(object("code", "DE-ZZ", "name", "Nowhere", "settings", object()));
    assertThat(invented.status()).isEqualTo(422);
    assertThat(invented.body()).contains("code");

    Reply orphan = post(object("code", "IS-1", "name", "Capital Region", "settings", object()));
    assertThat(orphan.status()).isEqualTo(422);
    assertThat(orphan.body()).contains("country IS is not a region yet");

    String tag = http.get("/api/v1/regions/FR", null).header("ETag");
    Reply flag =
        patch("FR", tag, object("settings", object("flags", object("teleportation", true))));
    assertThat(flag.status()).isEqualTo(422);
    assertThat(flag.body()).contains("flags.teleportation");
    Reply currency = patch("FR", tag, object("settings", object("currency", "FRF")));
    assertThat(currency.status()).isEqualTo(422);
    assertThat(currency.body()).contains("currency");
    assertThat(http.get("/api/v1/regions/FR", null).header("ETag"))
        .as("nothing stored")
        .isEqualTo(tag);
  }

  @Test
  void creatingASubdivisionTwiceWithTheSameRequestChangesNothingAndAnotherRequestIs409() {
    Map<String, Object> hamburg =
        object("code", "DE-HH", "name", "Hamburg", "settings", object("minimumAge", 16));
    Reply created = post(hamburg);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.header("Location")).endsWith("/api/v1/regions/DE-HH");
    assertThat(created.json().get("currency").asString()).isEqualTo("EUR");
    Reply again = post(hamburg);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header("ETag")).isEqualTo(created.header("ETag"));
    Reply other = post(object("code", "DE-HH", "name", "Hansestadt Hamburg", "settings", object()));
    assertThat(other.status()).isEqualTo(409);
    assertThat(http.get("/api/v1/regions/DE", null).json().get("subdivisions").toString())
        .contains("DE-HH");
    assertThat(http.get("/api/v1/regions/DE-HH/audit", OPS).json().get("items")).hasSize(1);
  }

  @Test
  void aReplicaServesAChangeAnotherReplicaCommittedOnceItSeesTheTableMoved() {
    jdbc.update(
        "update region.region set name = 'Vlaanderen', version = version + 1, updated_at = now()"
            + " where code = 'BE-VLG'");
    assertThat(http.get("/api/v1/regions/BE-VLG", null).json().get("name").asString())
        .as("not yet looked")
        .isEqualTo("Flanders");

    directory.reloadIfChanged();

    assertThat(http.get("/api/v1/regions/BE-VLG", null).json().get("name").asString())
        .isEqualTo("Vlaanderen");
  }

  private Reply post(Map<String, Object> body) {
    return http.post("/api/v1/regions", OPS, body);
  }

  private Reply patch(String code, String ifMatch, Map<String, Object> body) {
    return send(HttpRequest.newBuilder(), "PATCH", "/api/v1/regions/" + code, OPS, ifMatch, body);
  }

  private Reply send(
      HttpRequest.Builder ignored,
      String method,
      String path,
      String token,
      String ifMatch,
      Object body) {
    HttpRequest.Builder request =
        http.request(path, token)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(HttpJson.toJson(body)));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return http.send(request.build());
  }
}
