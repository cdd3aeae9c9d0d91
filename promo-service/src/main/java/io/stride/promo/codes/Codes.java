package io.stride.promo.codes;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The code table: hashes with caps and counters. */
@Repository
public class Codes {

  private static final HexFormat HEX = HexFormat.of();

  private final JdbcClient jdbc;

  Codes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<PromoCode> find(byte[] hash) {
    return jdbc.sql(
            "select hash, campaign_id, kind, cap, per_athlete, redeemed from promo_code"
                + " where hash = ?")
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
   * Counts one redemption against the code's cap: under the row's lock, so of any number of
   * concurrent redemptions exactly {@code cap} succeed.
   *
   * @return whether the cap allowed it
   */
  public boolean countRedemption(byte[] hash) {
    return jdbc.sql(
                "update promo_code set redeemed = redeemed + 1 where hash = ? and redeemed < cap")
            .param(hash)
            .update()
        == 1;
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
