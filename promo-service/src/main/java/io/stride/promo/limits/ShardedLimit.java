package io.stride.promo.limits;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A limit that many concurrent grants count against — a campaign's budget, a shared code's cap —
 * kept as up to {@value #SHARDS} rows that each hold a share of it (ADR 0035). One row would be
 * exact too, but every grant would hold its lock until its commit, so grants queue on it one commit
 * at a time; with shards, a grant takes a unit from a shard no other grant holds ({@code skip
 * locked}) and only waits when every shard with room left is held. No shard goes above its cap and
 * the caps add up to the limit, so of any number of concurrent grants exactly the limit succeed.
 */
public final class ShardedLimit {

  public static final int SHARDS = 16;

  private final JdbcClient jdbc;
  private final String table;
  private final String owner;

  /**
   * @param table the shard table, e.g. {@code budget_shard}
   * @param owner its column naming what the limit belongs to, e.g. {@code campaign_id}
   */
  public ShardedLimit(JdbcClient jdbc, String table, String owner) {
    this.jdbc = jdbc;
    this.table = table;
    this.owner = owner;
  }

  /** Splits a limit of {@code limit} units into shards whose caps add up to it. */
  public void split(Object ownerValue, int limit) {
    jdbc.sql(
            "insert into "
                + table
                + " ("
                + owner
                + ", shard, cap) select ?, s, ? / n + case when s < ? % n then 1 else 0 end"
                + " from (select greatest(least(?, ?), 1) as n) k, generate_series(0, k.n - 1) s")
        .params(ownerValue, limit, limit, limit, SHARDS)
        .update();
  }

  /**
   * Takes one unit, its shard's row locked until the transaction ends.
   *
   * @return false when every shard is used up
   */
  public boolean take(Object ownerValue) {
    int start = ThreadLocalRandom.current().nextInt(SHARDS);
    // a shard with room that no grant in flight holds, from a random one on
    if (takeFrom(ownerValue, start, " skip locked")) {
      return true;
    }
    // every shard with room is held by a grant in flight: wait for one (a rollback frees its unit)
    return takeFrom(ownerValue, start, "");
  }

  private boolean takeFrom(Object ownerValue, int start, String skipLocked) {
    return jdbc.sql(
                "with picked as (select shard from "
                    + table
                    + " where "
                    + owner
                    + " = ? and used < cap order by (shard + ?) % ? limit 1 for update"
                    + skipLocked
                    + ") update "
                    + table
                    + " t set used = t.used + 1 from picked where t."
                    + owner
                    + " = ? and t.shard = picked.shard")
            .params(ownerValue, start, SHARDS, ownerValue)
            .update()
        == 1;
  }

  /** The SQL expression of the units used, for a select over the owner's table. */
  public String usedOf(String ownerExpression) {
    return "(select coalesce(sum(used), 0) from "
        + table
        + " u where u."
        + owner
        + " = "
        + ownerExpression
        + ")";
  }
}
