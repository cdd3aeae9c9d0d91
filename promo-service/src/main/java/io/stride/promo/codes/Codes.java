package io.stride.promo.codes;

import io.stride.promo.limits.ShardedLimit;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The code table: hashes with caps and counters. A single-use code counts its one redemption on its
 * row; a shared code's cap is a {@link ShardedLimit}, as many athletes redeem it at once.
 */
@Repository
public class Codes {

  private static final HexFormat HEX = HexFormat.of();

  private final JdbcClient jdbc;
  private final ShardedLimit sharedCaps;
  private final String redeemed;

  Codes(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.sharedCaps = new ShardedLimit(jdbc, "code_shard", "code_hash");
    this.redeemed =
        "case when c.kind = 'shared' then " + sharedCaps.usedOf("c.hash") + " else c.redeemed end";
  }

  public Optional<PromoCode> find(byte[] hash) {
    return jdbc.sql(
            "select c.hash, c.campaign_id, c.kind, c.cap, c.per_athlete, "
                + redeemed
                + " from promo_code c where c.hash = ?")
        .param(hash)
        .query(
            (rs, row) ->
                new PromoCode(
                    rs.getBytes(1),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    rs.getInt(4),
                    rs.getInt(5),
                    rs.getInt(6)))
        .optional();
  }

  /**
   * Counts one use of the code by {@code user}, unless the athlete reached the code's per-athlete
   * limit; the row's lock makes concurrent uses by one athlete wait for each other.
   *
   * @return whether it was counted
   */
  public boolean countUse(byte[] hash, UUID user, int perAthlete) {
    return jdbc.sql(
                "insert into code_use (code_hash, user_id, uses) values (?, ?, 1)"
                    + " on conflict (code_hash, user_id) do update set uses = code_use.uses + 1"
                    + " where code_use.uses < ?")
            .params(hash, user, perAthlete)
            .update()
        == 1;
  }

  /**
   * Counts one redemption against the code's cap, under a row lock held until the transaction ends:
   * of any number of concurrent redemptions exactly {@code cap} succeed.
   *
   * @return whether the cap allowed it
   */
  public boolean countRedemption(PromoCode code) {
    if (code.kind().equals(PromoCode.SHARED)) {
      return sharedCaps.take(code.hash());
    }
    return jdbc.sql(
                "update promo_code set redeemed = redeemed + 1 where hash = ? and redeemed < cap")
            .param(code.hash())
            .update()
        == 1;
  }

  /** How many codes of a kind a campaign has, the redemptions they allow and those made. */
  public record KindCounts(int codes, long allowed, long redeemed) {}

  /** The campaign's codes by kind. */
  public Map<String, KindCounts> countsByKind(UUID campaign) {
    Map<String, KindCounts> counts = new TreeMap<>();
    jdbc.sql(
            "select c.kind, count(*), coalesce(sum(c.cap), 0), coalesce(sum("
                + redeemed
                + "), 0) from promo_code c where c.campaign_id = ? group by c.kind")
        .param(campaign)
        .query(
            (RowCallbackHandler)
                rs ->
                    counts.put(
                        rs.getString(1),
                        new KindCounts(rs.getInt(2), rs.getLong(3), rs.getLong(4))));
    return counts;
  }

  /** Splits the caps of the batch's shared codes into shards. */
  void shardSharedCaps(UUID batch) {
    jdbc.sql("select hash, cap from promo_code where batch_id = ? and kind = 'shared'")
        .param(batch)
        .query((RowCallbackHandler) rs -> sharedCaps.split(rs.getBytes(1), rs.getInt(2)));
  }

  void insertBatch(UUID batch, UUID campaign, String kind, int count, Instant at) {
    jdbc.sql(
            "insert into code_batch (id, campaign_id, kind, count, created_at) values (?, ?, ?, ?,"
                + " ?)")
        .params(batch, campaign, kind, count, Timestamp.from(at))
        .update();
  }

  /**
   * Stores the hashes in one statement; a hash already there (a collision, or a shared code taken)
   * is skipped.
   *
   * @return the hashes stored
   */
  int insertCodes(
      List<byte[]> hashes, UUID campaign, UUID batch, String kind, int cap, int perAthlete) {
    String[] hex = hashes.stream().map(HEX::formatHex).toArray(String[]::new);
    return jdbc.sql(
            "insert into promo_code (hash, campaign_id, batch_id, kind, cap, per_athlete)"
                + " select decode(h, 'hex'), ?, ?, ?, ?, ? from unnest(?::text[]) h"
                + " on conflict (hash) do nothing")
        .params(campaign, batch, kind, cap, perAthlete, hex)
        .update();
  }

  /** Which of {@code hashes} (as hex) are stored in {@code batch}. */
  Set<String> storedIn(UUID batch, List<byte[]> hashes) {
    String[] hex = hashes.stream().map(HEX::formatHex).toArray(String[]::new);
    return Set.copyOf(
        jdbc.sql(
                "select encode(hash, 'hex') from promo_code where batch_id = ?"
                    + " and hash = any(select decode(h, 'hex') from unnest(?::text[]) h)")
            .params(batch, hex)
            .query(String.class)
            .list());
  }

  void setBatchCount(UUID batch, int count) {
    jdbc.sql("update code_batch set count = ? where id = ?").params(count, batch).update();
  }
}
