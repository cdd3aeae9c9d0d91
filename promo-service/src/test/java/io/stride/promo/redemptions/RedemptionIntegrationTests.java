package io.stride.promo.redemptions;

import static io.stride.platform.test.HttpJson.object;
import static io.stride.promo.PromoFixtures.athleteToken;
import static io.stride.promo.PromoFixtures.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicReader;
import io.stride.promo.PromoFixtures;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Redeeming codes: rewards, limits exact under concurrency, idempotent retries, clear refusals. */
@StrideIntegrationTest
class RedemptionIntegrationTests {

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  PromoFixtures fixtures;

  @BeforeEach
  void fixtures() {
    fixtures = new PromoFixtures(http, dataSource);
  }

  @Test
  void aSingleUseCodeGivesPremiumDaysOnceAndTheEventsSayIt() {
    UUID campaign = fixtures.live(campaign());
    String code = fixtures.singleUse(campaign, 3).get(0);
    UUID athlete = fixtures.athlete("DE", 40);

    HttpJson.Reply redeemed = fixtures.redeem(athlete, code.toLowerCase(Locale.ROOT));

    assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(201);
    JsonNode reward = redeemed.json();
    assertThat(reward.get("cause").asString()).isEqualTo("code");
    assertThat(reward.get("campaign").get("name").asString()).isEqualTo("Winter base miles");
    assertThat(reward.get("reward").get("kind").asString()).isEqualTo("premium-days");
    Instant until = Instant.parse(reward.get("reward").get("premiumUntil").asString());
    assertThat(until)
        .isBetween(
            Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));
    JsonNode premium = http.get("/api/v1/promo/me/premium", athleteToken(athlete)).json();
    assertThat(premium.get("active").asBoolean()).isTrue();

    UUID other = fixtures.athlete("DE", 40);
    HttpJson.Reply again = fixtures.redeem(other, code);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("type").asString()).endsWith("/promo-used-up");
    try (TopicReader reader = new TopicReader("stride.promo.rewards")) {
      assertThat(
              reader.await(r -> r.value().contains(athlete.toString()), 2, Duration.ofSeconds(30)))
          .extracting(r -> HttpJson.parse(r.value()).get("type").asString())
          .contains("PromoRedeemed", "RewardGranted");
    }
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyReturnsTheFirstAnswerAndGrantsNothingMore() {
    UUID campaign = fixtures.live(campaign());
    String code = fixtures.shared(campaign, 100, 1);
    UUID athlete = fixtures.athlete("DE", 40);
    String key = UUID.randomUUID().toString();

    HttpJson.Reply first = redeemWithKey(athlete, code, key);
    HttpJson.Reply retry = redeemWithKey(athlete, code, key);

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(retry.status()).as(retry.body()).isEqualTo(201);
    assertThat(retry.json().get("id")).isEqualTo(first.json().get("id"));
    assertThat(grants(campaign)).isEqualTo(1);
    assertThat(fixtures.redeem(athlete, code).json().get("type").asString())
        .endsWith("/promo-already-redeemed");
  }

  @Test
  void aSharedCodeCappedAtTwentyGrantsExactlyTwentyOfSixtyConcurrentRedemptions() throws Exception {
    UUID campaign = fixtures.live(campaign());
    String code = fixtures.shared(campaign, 20, 1);
    List<UUID> athletes = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      athletes.add(fixtures.athlete("DE", 40));
    }

    List<Integer> statuses =
        concurrently(athletes, athlete -> fixtures.redeemRetryingWhenBusy(athlete, code).status());

    assertThat(statuses).filteredOn(s -> s == 201).hasSize(20);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(40);
    assertThat(grants(campaign)).isEqualTo(20);
    // the cap is spread over 16 shards (20 = 4 x 2 + 12 x 1), every one used up to its cap
    assertThat(
            jdbc.queryForList(
                "select s.used from promo.code_shard s join promo.promo_code c"
                    + " on c.hash = s.code_hash where c.campaign_id = ? and s.used = s.cap",
                Integer.class,
                campaign))
        .hasSize(16);
    assertThat(
            http.get("/api/v1/promo/admin/campaigns/" + campaign + "/report", PromoFixtures.admin())
                .json()
                .get("redeemed")
                .asInt())
        .isEqualTo(20);
  }

  @Test
  void aChosenSharedCodeMayBeGroupedWithDashesAndIsRedeemedHoweverItIsTyped() {
    UUID campaign = fixtures.live(campaign());
    String codes = "/api/v1/promo/admin/campaigns/" + campaign + "/codes";

    HttpJson.Reply made =
        http.post(
            codes,
            PromoFixtures.admin(),
            object("kind", "shared", "code", "Winter-Run 26", "cap", 5));
    HttpJson.Reply taken =
        http.post(
            codes,
            PromoFixtures.admin(),
            object("kind", "shared", "code", "WINTERRUN26", "cap", 5));
    HttpJson.Reply noCode =
        http.post(
            codes, PromoFixtures.admin(), object("kind", "shared", "code", "-- - --", "cap", 5));

    assertThat(made.status()).as(made.body()).isEqualTo(201);
    assertThat(made.json().get("codes").get(0).asString()).isEqualTo("WINTERRUN26");
    assertThat(fixtures.redeem(fixtures.athlete("DE", 40), "winter run-26").status())
        .isEqualTo(201);
    assertThat(taken.status()).isEqualTo(409);
    assertThat(noCode.status()).isEqualTo(400);
    assertThat(noCode.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
  }

  @Test
  void theBudgetIsExactUnderConcurrencyAcrossManyCodes() throws Exception {
    UUID campaign = fixtures.live(campaign("budget", object("rewards", 5)));
    List<String> codes = fixtures.singleUse(campaign, 20);
    List<UUID> athletes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      athletes.add(fixtures.athlete("DE", 40));
    }

    List<Integer> statuses =
        concurrently(
            athletes,
            athlete ->
                fixtures
                    .redeemRetryingWhenBusy(athlete, codes.get(athletes.indexOf(athlete)))
                    .status());

    assertThat(statuses).filteredOn(s -> s == 201).hasSize(5);
    assertThat(grants(campaign)).isEqualTo(5);
    HttpJson.Reply report =
        http.get("/api/v1/promo/admin/campaigns/" + campaign + "/report", PromoFixtures.admin());
    assertThat(report.json().get("granted").asInt()).isEqualTo(5);
    assertThat(report.json().get("rewardsLeft").asInt()).isZero();
    assertThat(report.json().get("codes").get("single-use").get("codes").asInt()).isEqualTo(20);
  }

  @Test
  void aMoneyBudgetStopsGrantsWhenTheNextRewardWouldExceedIt() {
    UUID campaign =
        fixtures.live(
            campaign(
                "budget", object("rewards", 100, "money", object("amount", 10, "currency", "EUR")),
                "reward",
                    object(
                        "kind",
                        "premium-days",
                        "days",
                        7,
                        "value",
                        object("amount", 4.00, "currency", "EUR"))));
    String code = fixtures.shared(campaign, 100, 1);

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      statuses.add(fixtures.redeem(fixtures.athlete("DE", 40), code).status());
    }

    assertThat(statuses).containsExactly(201, 201, 409, 409);
    JsonNode report =
        http.get("/api/v1/promo/admin/campaigns/" + campaign + "/report", PromoFixtures.admin())
            .json();
    assertThat(report.get("moneySpent").decimalValue()).isEqualByComparingTo("8.00");
  }

  @Test
  void anIneligibleAthleteIsToldWhyInWords() {
    UUID campaign =
        fixtures.live(
            campaign(
                "rules",
                List.of(
                    object("type", "account-age", "minDays", 30),
                    object("type", "level", "min", 3))));
    String code = fixtures.shared(campaign, 100, 1);

    HttpJson.Reply newcomer = fixtures.redeem(fixtures.athlete("DE", 2), code);
    HttpJson.Reply abroad = fixtures.redeem(fixtures.athlete("FR", 400), code);

    assertThat(newcomer.status()).isEqualTo(403);
    assertThat(newcomer.json().get("type").asString()).endsWith("/promo-not-eligible");
    assertThat(newcomer.json().get("reasons").toString())
        .contains("only for athletes whose account is at least 30 days old")
        .contains("only for athletes at level 3 or above");
    assertThat(abroad.json().get("detail").asString()).contains("only for athletes in DE");
    assertThat(grants(campaign)).isZero();
  }

  @Test
  void codesOfCampaignsNotLiveAreRefusedWithTheirOwnProblems() {
    LocalDateTime now = LocalDateTime.now(ZoneId.of("Europe/Berlin")).withNano(0);
    UUID later =
        fixtures.live(
            campaign(
                "window",
                object(
                    "starts",
                    now.plusDays(1).toString(),
                    "ends",
                    now.plusDays(2).toString(),
                    "timeZone",
                    "Europe/Berlin")));
    UUID paused = fixtures.live(campaign());
    String laterCode = fixtures.shared(later, 10, 1);
    String pausedCode = fixtures.shared(paused, 10, 1);
    http.post(
        "/api/v1/promo/admin/campaigns/" + paused + "/pause", PromoFixtures.admin(), Map.of());
    UUID ended = fixtures.live(campaign());
    String endedCode = fixtures.shared(ended, 10, 1);
    http.post("/api/v1/promo/admin/campaigns/" + ended + "/end", PromoFixtures.admin(), Map.of());
    UUID athlete = fixtures.athlete("DE", 40);

    assertThat(problem(fixtures.redeem(athlete, laterCode))).isEqualTo("422 promo-not-yet-valid");
    assertThat(problem(fixtures.redeem(athlete, pausedCode))).isEqualTo("422 promo-paused");
    assertThat(problem(fixtures.redeem(athlete, endedCode))).isEqualTo("422 promo-expired");
    assertThat(problem(fixtures.redeem(athlete, "NOPE-NOPE-22")))
        .isEqualTo("422 promo-unknown-code");
    assertThat(
            problem(
                http.post("/api/v1/promo/redemptions", athleteToken(athlete), Map.of("code", ""))))
        .isEqualTo("400 invalid-request");
  }

  @Test
  void wrongCodesAreThrottledPerAthleteWithRetryAfter() {
    UUID athlete = fixtures.athlete("DE", 40);
    for (int i = 0; i < 10; i++) {
      assertThat(fixtures.redeem(athlete, "WRONG" + i + "XYZ").status()).isEqualTo(422);
    }

    HttpJson.Reply throttled = fixtures.redeem(athlete, "WRONG-AGAIN");

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 15 * 60 + 1);
    assertThat(throttled.contentType()).startsWith("application/problem+json");
    assertThat(http.get("/actuator/prometheus", null).body())
        .containsPattern("stride_promo_redemptions_total\\{[^}]*outcome=\"unknown_code\"")
        .containsPattern("stride_promo_redemptions_total\\{[^}]*outcome=\"throttled\"");
  }

  @Test
  void codesAreStoredOnlyAsKeyedHashes() {
    UUID campaign = fixtures.live(campaign());
    String code = fixtures.singleUse(campaign, 1).get(0).replace("-", "");
    List<String> stored =
        jdbc.queryForList(
            "select encode(hash, 'hex') from promo.promo_code where campaign_id = ?",
            String.class,
            campaign);
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0)).hasSize(64).doesNotContainIgnoringCase(code);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from promo.promo_code where hash = sha256(?::bytea)",
                Integer.class,
                code))
        .isZero();
  }

  @Test
  void anotherAthletesRewardIsNotFound() {
    UUID campaign = fixtures.live(campaign());
    UUID owner = fixtures.athlete("DE", 40);
    String id =
        fixtures.redeem(owner, fixtures.shared(campaign, 10, 1)).json().get("id").asString();

    assertThat(http.get("/api/v1/promo/me/rewards/" + id, athleteToken(owner)).status())
        .isEqualTo(200);
    assertThat(http.get("/api/v1/promo/me/rewards/" + id, athleteToken(UUID.randomUUID())).status())
        .isEqualTo(404);
    assertThat(http.get("/api/v1/promo/me/rewards", athleteToken(owner)).json().get("items"))
        .hasSize(1);
  }

  @Test
  void aPartnerCouponCampaignGivesEachAthleteADifferentCouponUntilThePoolIsEmpty() {
    UUID campaign =
        fixtures.live(
            campaign("reward", object("kind", "partner-coupon", "partner", "Trail Shoes Co.")));
    HttpJson.Reply pool =
        http.post(
            "/api/v1/promo/admin/campaigns/" + campaign + "/coupons",
            PromoFixtures.admin(),
            Map.of("codes", List.of("TSC-1", "TSC-2", "TSC-2")));
    assertThat(pool.json().get("added").asInt()).isEqualTo(2);
    String code = fixtures.shared(campaign, 10, 1);

    JsonNode first = fixtures.redeem(fixtures.athlete("DE", 40), code).json();
    JsonNode second = fixtures.redeem(fixtures.athlete("DE", 40), code).json();
    HttpJson.Reply third = fixtures.redeem(fixtures.athlete("DE", 40), code);

    assertThat(
            List.of(
                first.get("reward").get("coupon").asString(),
                second.get("reward").get("coupon").asString()))
        .containsExactlyInAnyOrder("TSC-1", "TSC-2");
    assertThat(third.status()).isEqualTo(409);
    assertThat(grants(campaign)).isEqualTo(2);
  }

  private HttpJson.Reply redeemWithKey(UUID athlete, String code, String key) {
    HttpRequest request =
        http.request("/api/v1/promo/redemptions", athleteToken(athlete))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(HttpJson.toJson(Map.of("code", code))))
            .build();
    return http.send(request);
  }

  private int grants(UUID campaign) {
    return jdbc.queryForObject(
        "select count(*) from promo.reward_grant where campaign_id = ?", Integer.class, campaign);
  }

  private static String problem(HttpJson.Reply reply) {
    String type = reply.json().get("type").asString();
    return reply.status() + " " + type.substring(type.lastIndexOf('/') + 1);
  }

  interface Call<T> {
    T call(UUID athlete) throws Exception;
  }

  private static <T> List<T> concurrently(List<UUID> athletes, Call<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(athletes.size());
    try {
      List<Callable<T>> calls = new ArrayList<>();
      athletes.forEach(a -> calls.add(() -> call.call(a)));
      List<T> results = new ArrayList<>();
      for (Future<T> f : pool.invokeAll(calls)) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
