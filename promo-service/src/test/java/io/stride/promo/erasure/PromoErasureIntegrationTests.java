package io.stride.promo.erasure;

import static io.stride.promo.PromoFixtures.athleteToken;
import static io.stride.promo.PromoFixtures.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.auth.UserDeleted;
import io.stride.platform.test.Erasure;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.promo.PromoFixtures;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** UserDeleted leaves nothing of the athlete in schema promo; the campaign's counts stay. */
@StrideIntegrationTest
class PromoErasureIntegrationTests {

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  @Test
  void userDeletedErasesTheAthletesGrantsPremiumAndGuessesButNotTheCampaignsCounts() {
    PromoFixtures fixtures = new PromoFixtures(http, dataSource);
    UUID campaign = fixtures.live(campaign());
    UUID leaving = fixtures.athlete("DE", 40);
    assertThat(fixtures.redeem(leaving, fixtures.shared(campaign, 10, 1)).status()).isEqualTo(201);
    assertThat(fixtures.redeem(leaving, "WRONG-CODE-1").status()).isEqualTo(422);
    assertThat(Erasure.findRowsOf(dataSource, "promo", leaving, Set.of()))
        .as("the helper sees the athlete before the erasure")
        .anyMatch(place -> place.startsWith("reward_grant."))
        .anyMatch(place -> place.startsWith("premium."));

    fixtures.send(new UserDeleted(leaving, Instant.now()));

    Erasure.assertNoRowsOf(dataSource, "promo", leaving);
    assertThat(
            jdbc.queryForObject(
                "select sum(used) from promo.budget_shard where campaign_id = ?",
                Integer.class,
                campaign))
        .as("a budget spent stays spent")
        .isEqualTo(1);
    assertThat(
            http.get("/api/v1/promo/me/premium", athleteToken(leaving))
                .json()
                .get("active")
                .asBoolean())
        .isFalse();
  }
}
