package io.stride.promo.codes;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A campaign's pool of partner coupons: uploaded by admins, given out one per grant. */
@Repository
public class Coupons {

  private final JdbcClient jdbc;

  Coupons(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Takes a coupon not given yet for {@code user}; concurrent grants skip each other's rows, so no
   * coupon is given twice.
   */
  public Optional<Coupon> take(UUID campaign, UUID user) {
    return jdbc.sql(
            "update coupon set given = true, user_id = ? where id = (select id from coupon"
                + " where campaign_id = ? and not given limit 1 for update skip locked)"
                + " returning id, code")
        .params(user, campaign)
        .query((rs, row) -> new Coupon(rs.getObject(1, UUID.class), rs.getString(2)))
        .optional();
  }

  public Optional<String> code(UUID coupon) {
    return jdbc.sql("select code from coupon where id = ?")
        .param(coupon)
        .query(String.class)
        .optional();
  }

  /**
   * @return how many of {@code codes} were new to the pool
   */
  int add(UUID campaign, List<String> codes) {
    String[] values = codes.toArray(String[]::new);
    return jdbc.sql(
            "insert into coupon (id, campaign_id, code) select gen_random_uuid(), ?, c"
                + " from unnest(?::text[]) c on conflict (campaign_id, code) do nothing")
        .params(campaign, values)
        .update();
  }

  public int available(UUID campaign) {
    return jdbc.sql("select count(*) from coupon where campaign_id = ? and not given")
        .param(campaign)
        .query(Integer.class)
        .single();
  }

  public record Coupon(UUID id, String code) {}
}
