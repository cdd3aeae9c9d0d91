package io.stride.promo;

import static io.stride.platform.test.HttpJson.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.auth.UserRegistered;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.TestEvents;
import io.stride.platform.test.TestTokens;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import tools.jackson.databind.JsonNode;

/** Regions, athletes and campaigns for the tests, made the way production makes them. */
public final class PromoFixtures {

  public static final TestTokens tokens = TestTokens.get();
  public static final UUID ADMIN = UUID.randomUUID();

  private final HttpJson http;
  private final DataSource dataSource;

  public PromoFixtures(HttpJson http, DataSource dataSource) {
    this.http = http;
    this.dataSource = dataSource;
    region("DE", true);
    region("FR", false);
  }

  /** A region in the copy, with promotions on or off. */
  public void region(String code, boolean promos) {
    TopicWriter.send(TestEvents.regionSettings(code, "MONDAY", Map.of("promos", promos)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> http.get("/actuator/regions/" + code, null).status() == 200);
  }

  /** A new athlete registered {@code ageDays} ago, in {@code region}. */
  public UUID athlete(String region, int ageDays) {
    UUID id = UUID.randomUUID();
    send(new UserRegistered(id, "Athlete", Instant.now().minus(Duration.ofDays(ageDays))));
    send(TestEvents.profileUpdated(id, "Athlete", "PUBLIC", "Europe/Berlin", region, 1));
    return id;
  }

  public EventEnvelope<StrideEvent> send(StrideEvent event) {
    return TopicWriter.sendApplied(event, dataSource, "promo");
  }

  public static String admin() {
    return tokens.forAdmin(ADMIN, "promo:read", "promo:write");
  }

  public static String athleteToken(UUID athlete) {
    return tokens.forUser(athlete, "promo:read", "promo:write");
  }

  /** A campaign request: live from an hour ago for a week, in Germany, 30 premium days. */
  public static Map<String, Object> campaign(Object... overrides) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    LocalDateTime now = LocalDateTime.now(java.time.ZoneId.of("Europe/Berlin"));
    body.put("name", object("en", "Winter base miles", "de", "Winterkilometer"));
    body.put("description", Map.of("en", "30 premium days for your winter base"));
    body.put(
        "window",
        object(
            "starts", now.minusHours(1).withNano(0).toString(),
            "ends", now.plusDays(7).withNano(0).toString(),
            "timeZone", "Europe/Berlin"));
    body.put("regions", List.of("DE"));
    body.put("budget", object("rewards", 1000));
    body.put("rules", List.of());
    body.put("reward", object("kind", "premium-days", "days", 30));
    for (int i = 0; i < overrides.length; i += 2) {
      body.put((String) overrides[i], overrides[i + 1]);
    }
    return body;
  }

  /** Creates and publishes the campaign; returns its id. */
  public UUID live(Map<String, Object> request) {
    HttpJson.Reply created = http.post("/api/v1/promo/admin/campaigns", admin(), request);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    UUID id = UUID.fromString(created.json().get("id").asString());
    HttpJson.Reply published =
        http.post("/api/v1/promo/admin/campaigns/" + id + "/publish", admin(), Map.of());
    assertThat(published.status()).as(published.body()).isEqualTo(200);
    return id;
  }

  /** {@code count} single-use codes of the campaign, as shown to the admin. */
  public List<String> singleUse(UUID campaign, int count) {
    JsonNode batch = codes(campaign, object("kind", "single-use", "count", count));
    List<String> codes = new ArrayList<>();
    batch.get("codes").forEach(code -> codes.add(code.asString()));
    return codes;
  }

  /** A shared code with a cap and a per-athlete limit. */
  public String shared(UUID campaign, int cap, int perAthlete) {
    return codes(campaign, object("kind", "shared", "cap", cap, "perAthlete", perAthlete))
        .get("codes")
        .get(0)
        .asString();
  }

  private JsonNode codes(UUID campaign, Map<String, Object> body) {
    HttpJson.Reply reply =
        http.post("/api/v1/promo/admin/campaigns/" + campaign + "/codes", admin(), body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json();
  }

  public HttpJson.Reply redeem(UUID athlete, String code) {
    return http.post("/api/v1/promo/redemptions", athleteToken(athlete), Map.of("code", code));
  }

  /**
   * Redeems as a real client does under load: a 503 (the database busy, nothing changed) is retried
   * after its {@code Retry-After}, at most three times; every other answer is final.
   */
  public HttpJson.Reply redeemRetryingWhenBusy(UUID athlete, String code)
      throws InterruptedException {
    HttpJson.Reply reply = redeem(athlete, code);
    for (int retry = 0; retry < 3 && reply.status() == 503; retry++) {
      String after = reply.header("Retry-After");
      Thread.sleep(1_000L * (after == null ? 1 : Long.parseLong(after)));
      reply = redeem(athlete, code);
    }
    return reply;
  }
}
