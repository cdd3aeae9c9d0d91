package io.stride.promo.campaigns;

import static io.stride.platform.test.HttpJson.object;
import static io.stride.promo.PromoFixtures.admin;
import static io.stride.promo.PromoFixtures.athleteToken;
import static io.stride.promo.PromoFixtures.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestTokens;
import io.stride.promo.PromoFixtures;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The admin API: only administrators with the scope, a life cycle, an audit trail, a report. */
@StrideIntegrationTest
class CampaignAdminIntegrationTests {

  private static final String CAMPAIGNS = "/api/v1/promo/admin/campaigns";

  @Autowired HttpJson http;
  @Autowired DataSource dataSource;
  PromoFixtures fixtures;

  @BeforeEach
  void fixtures() {
    fixtures = new PromoFixtures(http, dataSource);
  }

  @Test
  void athletesAndAdministratorsWithoutTheScopeAreRefusedTheAdminApi() {
    String athlete = athleteToken(UUID.randomUUID());
    String adminWithoutScope = TestTokens.get().forAdmin(UUID.randomUUID(), "promo:read");

    assertThat(http.get(CAMPAIGNS, athlete).status()).isEqualTo(403);
    assertThat(http.post(CAMPAIGNS, athlete, campaign()).status()).isEqualTo(403);
    assertThat(http.post(CAMPAIGNS, adminWithoutScope, campaign()).status()).isEqualTo(403);
    assertThat(http.get(CAMPAIGNS, adminWithoutScope).status()).isEqualTo(200);
  }

  @Test
  void aCampaignMovesThroughItsLifeCycleAndEveryStepIsAudited() {
    HttpJson.Reply created = http.post(CAMPAIGNS, admin(), campaign());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("status").asString()).isEqualTo("draft");
    String id = created.json().get("id").asString();
    String one = CAMPAIGNS + "/" + id;

    HttpJson.Reply replaced =
        http.put(one, admin(), campaign("reward", object("kind", "premium-days", "days", 7)));
    assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
    assertThat(http.get(one, admin()).json().get("reward").get("days").asInt()).isEqualTo(7);
    assertThat(status(http.post(one + "/publish", admin(), Map.of()))).isEqualTo("live");
    assertThat(http.put(one, admin(), campaign()).status()).isEqualTo(409);
    assertThat(status(http.post(one + "/pause", admin(), Map.of()))).isEqualTo("paused");
    assertThat(status(http.post(one + "/resume", admin(), Map.of()))).isEqualTo("live");
    assertThat(status(http.post(one + "/end", admin(), Map.of()))).isEqualTo("ended");
    HttpJson.Reply resumeEnded = http.post(one + "/resume", admin(), Map.of());
    assertThat(resumeEnded.status()).isEqualTo(409);
    assertThat(resumeEnded.json().get("detail").asString()).contains("ended");

    List<String> actions = new ArrayList<>();
    http.get(one + "/audit", admin())
        .json()
        .get("items")
        .forEach(entry -> actions.add(entry.get("action").asString()));
    assertThat(actions)
        .containsExactly("ended", "resumed", "paused", "published", "replaced", "created");
    assertThat(http.get(CAMPAIGNS + "/" + UUID.randomUUID(), admin()).status()).isEqualTo(404);
  }

  @Test
  void aPublishedCampaignBeforeItsWindowIsScheduledAndRefusesItsCodes() {
    LocalDateTime now = LocalDateTime.now(ZoneId.of("Europe/Berlin")).withNano(0);
    UUID campaign =
        fixtures.live(
            campaign(
                "window",
                object(
                    "starts", now.plusDays(2).toString(),
                    "ends", now.plusDays(9).toString(),
                    "timeZone", "Europe/Berlin")));

    assertThat(http.get(CAMPAIGNS + "/" + campaign, admin()).json().get("status").asString())
        .isEqualTo("scheduled");
    assertThat(
            http.get("/api/v1/promo/campaigns/" + campaign, athleteToken(UUID.randomUUID()))
                .status())
        .isEqualTo(404);
  }

  @Test
  void campaignsThatDoNotFitTogetherAreRefusedNamingTheField() {
    LocalDateTime now = LocalDateTime.now(ZoneId.of("Europe/Berlin")).withNano(0);

    assertThat(
            fields(
                http.post(
                    CAMPAIGNS,
                    admin(),
                    campaign(
                        "window",
                        object(
                            "starts", now.toString(),
                            "ends", now.minusDays(1).toString(),
                            "timeZone", "Europe/Berlin")))))
        .containsExactly("422", "window.ends");
    assertThat(fields(http.post(CAMPAIGNS, admin(), campaign("regions", List.of("ZZ")))))
        .containsExactly("422", "regions[0]");
    assertThat(
            fields(
                http.post(
                    CAMPAIGNS,
                    admin(),
                    campaign("rules", List.of(object("type", "level", "min", 9, "max", 3))))))
        .containsExactly("422", "rules[0]");
    assertThat(
            fields(
                http.post(
                    CAMPAIGNS, admin(), campaign("reward", object("kind", "partner-coupon")))))
        .containsExactly("422", "reward.partner");
    assertThat(
            fields(
                http.post(
                    CAMPAIGNS, admin(), campaign("rules", List.of(object("type", "astrology"))))))
        .containsExactly("400", "rules[0].type");
    assertThat(
            fields(
                http.post(
                    CAMPAIGNS,
                    admin(),
                    campaign(
                        "rules",
                        List.of(object("type", "level", "min", 3, "regions", List.of("DE")))))))
        .containsExactly("422", "rules[0].regions");
  }

  @Test
  void theReportCountsGrantsRedemptionsAndTheBudgetLeft() {
    UUID campaign = fixtures.live(campaign("budget", object("rewards", 5)));
    String code = fixtures.shared(campaign, 10, 1);
    fixtures.singleUse(campaign, 3);
    assertThat(fixtures.redeem(fixtures.athlete("DE", 40), code).status()).isEqualTo(201);
    assertThat(fixtures.redeem(fixtures.athlete("DE", 40), code).status()).isEqualTo(201);

    JsonNode report = http.get(CAMPAIGNS + "/" + campaign + "/report", admin()).json();

    assertThat(report.get("granted").asInt()).isEqualTo(2);
    assertThat(report.get("redeemed").asInt()).isEqualTo(2);
    assertThat(report.get("rewardsLeft").asInt()).isEqualTo(3);
    assertThat(report.get("grantsByCause").get("code").asInt()).isEqualTo(2);
    assertThat(report.get("codes").get("shared").get("redeemed").asLong()).isEqualTo(2);
    assertThat(report.get("codes").get("single-use").get("codes").asInt()).isEqualTo(3);
  }

  private static String status(HttpJson.Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().get("status").asString();
  }

  /** The status and the fields a problem names. */
  private static List<String> fields(HttpJson.Reply reply) {
    List<String> named = new ArrayList<>();
    named.add(Integer.toString(reply.status()));
    reply.json().path("errors").forEach(error -> named.add(error.get("field").asString()));
    return named;
  }
}
