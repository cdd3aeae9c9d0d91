package io.stride.promo.limits;

import static io.stride.promo.PromoFixtures.campaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.promo.PromoFixtures;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** A limit kept as shards: caps that add up to it, and no unit lost to a grant that rolls back. */
@StrideIntegrationTest
class ShardedLimitIntegrationTests {

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;
  @Autowired JdbcClient jdbcClient;
  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void aPublishedBudgetIsSplitIntoSixteenShardsWhoseCapsAddUpToIt() {
    UUID big = live(50);
    UUID small = live(3);

    assertThat(caps(big)).hasSize(16).allMatch(cap -> cap == 3 || cap == 4);
    assertThat(caps(big).stream().mapToInt(Integer::intValue).sum()).isEqualTo(50);
    assertThat(caps(small)).containsExactly(1, 1, 1);
  }

  @Test
  void aGrantWaitsForTheShardAnotherHoldsAndTakesTheUnitItsRollbackFrees() throws Exception {
    UUID campaign = live(1);
    ShardedLimit budget = new ShardedLimit(jdbcClient, "budget_shard", "campaign_id");
    TransactionStatus first =
        transactions.getTransaction(
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW));
    assertThat(budget.take(campaign)).isTrue();

    TransactionTemplate second = new TransactionTemplate(transactions);
    second.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    CompletableFuture<Boolean> waiting =
        CompletableFuture.supplyAsync(() -> second.execute(status -> budget.take(campaign)));
    await().atMost(Duration.ofSeconds(10)).until(() -> waitingForALock() > 0);
    assertThat(waiting).isNotDone();
    transactions.rollback(first);

    assertThat(waiting.get()).isTrue();
    Boolean another =
        new TransactionTemplate(transactions).execute(status -> budget.take(campaign));
    assertThat(another).isFalse();
    assertThat(caps(campaign)).containsExactly(1);
    assertThat(
            jdbc.queryForObject(
                "select used from promo.budget_shard where campaign_id = ?",
                Integer.class,
                campaign))
        .isEqualTo(1);
  }

  /** Sessions waiting for a row lock, seen from outside this thread's transaction. */
  private int waitingForALock() throws Exception {
    return CompletableFuture.supplyAsync(
            () ->
                jdbc.queryForObject(
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                        + " and query like '%budget_shard%'",
                    Integer.class))
        .get();
  }

  private UUID live(int rewards) {
    return new PromoFixtures(http, dataSource)
        .live(campaign("budget", HttpJson.object("rewards", rewards)));
  }

  private List<Integer> caps(UUID campaign) {
    return jdbc.queryForList(
        "select cap from promo.budget_shard where campaign_id = ? order by shard",
        Integer.class,
        campaign);
  }
}
