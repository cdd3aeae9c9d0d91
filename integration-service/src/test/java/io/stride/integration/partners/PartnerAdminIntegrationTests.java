package io.stride.integration.partners;

import static io.stride.integration.IntegrationFixtures.PARTNERS;
import static io.stride.integration.IntegrationFixtures.adminToken;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.integration.IntegrationFixtures;
import io.stride.integration.IntegrationFixtures.Endpoint;
import io.stride.integration.IntegrationFixtures.Partner;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestTokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The operators' partner and endpoint API: what it takes, what it refuses, who may use it. */
@StrideIntegrationTest
class PartnerAdminIntegrationTests {

  @Autowired HttpJson http;
  @Autowired DataSource dataSource;

  private IntegrationFixtures fixtures() {
    return new IntegrationFixtures(http, dataSource);
  }

  private static Map<String, Object> partner(String clientId) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Stride Coach");
    body.put("contactEmail", "team@stride.example");
    body.put("kind", "company");
    body.put("scopes", List.of("workouts:read", "profile:read"));
    body.put("clientId", clientId);
    return body;
  }

  @Test
  void registersListsReadsAndChangesAPartner() {
    HttpJson.Reply created = http.post(PARTNERS, adminToken(), partner(null));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asString();
    assertThat(created.json().get("kind").asString()).isEqualTo("company");
    assertThat(created.json().get("clientId").isNull()).isTrue();

    assertThat(http.get(PARTNERS + "/" + id, adminToken()).json().get("name").asString())
        .isEqualTo("Stride Coach");
    Map<String, Object> changed = partner("stride-coach-" + UUID.randomUUID());
    changed.put("name", "Stride Coach Pro");
    HttpJson.Reply replaced = http.put(PARTNERS + "/" + id, adminToken(), changed);
    assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
    assertThat(replaced.json().get("clientId").asString()).startsWith("stride-coach-");
    assertThat(replaced.json().get("name").asString()).isEqualTo("Stride Coach Pro");
  }

  @Test
  void listsPartnersNewestFirstInBoundedPages() {
    fixtures().partner();
    fixtures().partner();
    fixtures().partner();
    HttpJson.Reply first = http.get(PARTNERS + "?limit=2", adminToken());
    assertThat(first.json().get("items")).hasSize(2);
    String cursor = first.json().get("nextCursor").asString();
    HttpJson.Reply second = http.get(PARTNERS + "?limit=2&cursor=" + cursor, adminToken());
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().get("items").get(0).get("id").asString())
        .isNotEqualTo(first.json().get("items").get(1).get("id").asString());
    assertThat(http.get(PARTNERS + "?limit=101", adminToken()).status()).isEqualTo(400);
  }

  @Test
  void refusesAnUnknownScopeKindOrClientIdAndAClientIdAnotherPartnerHolds() {
    Map<String, Object> bad = partner("x");
    bad.put("scopes", List.of("everything:write"));
    bad.put("kind", "reseller");
    HttpJson.Reply refused = http.post(PARTNERS, adminToken(), bad);
    assertThat(refused.status()).isIn(400, 422);
    assertThat(refused.body()).contains("clientId");

    Map<String, Object> wrongScope = partner(null);
    wrongScope.put("scopes", List.of("everything:write"));
    wrongScope.put("kind", "reseller");
    HttpJson.Reply invalid = http.post(PARTNERS, adminToken(), wrongScope);
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.body()).contains("scopes[0]").contains("kind");

    Partner held = fixtures().partner();
    HttpJson.Reply taken = http.post(PARTNERS, adminToken(), partner(held.clientId()));
    assertThat(taken.status()).isEqualTo(409);
  }

  @Test
  void refusesWebhookUrlsToPrivateOrMetadataAddresses() {
    Partner partner = fixtures().partner();
    for (String url :
        List.of(
            "http://10.0.0.1/hooks",
            "https://10.0.0.1/hooks",
            "https://169.254.169.254/latest/meta-data",
            "https://[fd00:ec2::254]/",
            "http://192.168.1.10/hooks")) {
      HttpJson.Reply reply =
          http.post(
              IntegrationFixtures.endpoints(partner),
              adminToken(),
              Map.of("url", url, "eventTypes", List.of("workout.created")));
      assertThat(reply.status()).as(url).isEqualTo(422);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.body()).as(url).contains("url");
    }
  }

  @Test
  void refusesAnUnknownEventType() {
    Partner partner = fixtures().partner();
    HttpJson.Reply reply =
        http.post(
            IntegrationFixtures.endpoints(partner),
            adminToken(),
            Map.of("url", "http://127.0.0.1:9/hooks", "eventTypes", List.of("workout.liked")));
    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.body()).contains("eventTypes[0]");
  }

  @Test
  void anAthletesOrAPartnersTokenIsRefusedEvenWithTheScopes() {
    Partner partner = fixtures().partner();
    String athlete =
        TestTokens.get().forUser(UUID.randomUUID(), "integration:read", "integration:write");
    String client =
        TestTokens.get().forClient(partner.clientId(), "integration:read", "integration:write");
    for (String token : List.of(athlete, client)) {
      assertThat(http.get(PARTNERS, token).status()).isEqualTo(403);
      assertThat(http.get(PARTNERS + "/" + partner.id(), token).status()).isEqualTo(403);
      assertThat(http.post(PARTNERS, token, partner(null)).status()).isEqualTo(403);
    }
  }

  @Test
  void anEndpointIsFoundOnlyUnderItsOwnPartner() {
    Partner owner = fixtures().partner();
    Partner other = fixtures().partner();
    Endpoint endpoint = fixtures().endpoint(owner, "http://127.0.0.1:9/hooks", "workout.created");
    String elsewhere = IntegrationFixtures.endpoints(other) + "/" + endpoint.id();
    assertThat(http.get(elsewhere, adminToken()).status()).isEqualTo(404);
    assertThat(http.get(elsewhere + "/deliveries", adminToken()).status()).isEqualTo(404);
    assertThat(http.post(elsewhere + "/secret-rotations", adminToken(), Map.of()).status())
        .isEqualTo(404);
    assertThat(
            http.post(elsewhere + "/replays", adminToken(), Map.of("since", "2026-01-01T00:00:00Z"))
                .status())
        .isEqualTo(404);
    assertThat(
            http.get(IntegrationFixtures.endpoint(owner, endpoint), adminToken())
                .json()
                .has("secret"))
        .as("the secret is never read back")
        .isFalse();
  }
}
