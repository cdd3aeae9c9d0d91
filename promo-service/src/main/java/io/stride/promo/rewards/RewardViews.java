package io.stride.promo.rewards;

import io.stride.platform.paging.Cursor;
import io.stride.platform.paging.Page;
import io.stride.platform.web.NotFoundException;
import io.stride.promo.campaigns.Campaign;
import io.stride.promo.campaigns.Campaigns;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** An athlete's rewards as they read them: what, from which campaign, and why. */
@Service
public class RewardViews {

  private final JdbcClient jdbc;
  private final Campaigns campaigns;

  RewardViews(JdbcClient jdbc, Campaigns campaigns) {
    this.jdbc = jdbc;
    this.campaigns = campaigns;
  }

  /** The athlete's grant {@code id}; another athlete's is not found. */
  public RewardView one(UUID user, UUID id, Locale locale) {
    return jdbc.sql(SELECT + " where g.id = ? and g.user_id = ?")
        .params(id, user)
        .query(this::row)
        .optional()
        .map(row -> view(row, locale))
        .orElseThrow(() -> new NotFoundException("No reward " + id + " of yours."));
  }

  Page<RewardView> mine(UUID user, String cursor, int limit, Locale locale) {
    After after = Cursor.decode(cursor, key -> new After(key.instant(), key.uuid()));
    List<Row> rows =
        jdbc.sql(
                SELECT
                    + " where g.user_id = ? and (g.granted_at, g.id) < (?, ?)"
                    + " order by g.granted_at desc, g.id desc limit ?")
            .params(
                user,
                Timestamp.from(after == null ? Instant.parse("9999-12-31T00:00:00Z") : after.at()),
                after == null ? new UUID(-1, -1) : after.id(),
                limit + 1)
            .query(this::row)
            .list();
    return Page.of(
        rows.stream().map(row -> view(row, locale)).toList(),
        limit,
        view -> Cursor.of(view.grantedAt(), view.id()));
  }

  private static final String SELECT =
      "select g.id, g.campaign_id, g.cause, g.reward, g.premium_days, g.premium_until, g.badge,"
          + " g.granted_at, c.code as coupon from reward_grant g"
          + " left join coupon c on c.id = g.coupon_id";

  private Row row(ResultSet rs, int n) throws SQLException {
    Timestamp until = rs.getTimestamp("premium_until");
    return new Row(
        rs.getObject("id", UUID.class),
        rs.getObject("campaign_id", UUID.class),
        rs.getString("cause"),
        rs.getString("reward"),
        (Integer) rs.getObject("premium_days"),
        until == null ? null : until.toInstant(),
        rs.getString("badge"),
        rs.getTimestamp("granted_at").toInstant(),
        rs.getString("coupon"));
  }

  private RewardView view(Row row, Locale locale) {
    Campaign campaign = campaigns.find(row.campaignId()).orElseThrow();
    return new RewardView(
        row.id(),
        new CampaignRef(campaign.id(), Campaign.localized(campaign.name(), locale)),
        row.cause(),
        new RewardDetail(
            row.reward(),
            row.premiumDays(),
            row.premiumUntil(),
            campaign.reward().partner(),
            row.coupon(),
            row.badge(),
            row.badge() == null ? null : campaign.reward().badgeTitle()),
        row.grantedAt());
  }

  /**
   * @param cause {@code code}, {@code first-workout}, {@code daily-streak} or {@code
   *     sponsored-challenge}
   */
  public record RewardView(
      UUID id,
      CampaignRef campaign,
      @Schema(allowableValues = {"code", "first-workout", "daily-streak", "sponsored-challenge"})
          String cause,
      RewardDetail reward,
      Instant grantedAt) {}

  public record CampaignRef(UUID id, String name) {}

  /**
   * @param premiumUntil the end of premium right after this grant
   * @param coupon the partner's coupon code, to use at the partner
   */
  public record RewardDetail(
      @Schema(allowableValues = {"premium-days", "partner-coupon", "badge"}) String kind,
      @Nullable Integer days,
      @Nullable Instant premiumUntil,
      @Nullable String partner,
      @Nullable String coupon,
      @Nullable String badge,
      @Nullable String badgeTitle) {}

  private record Row(
      UUID id,
      UUID campaignId,
      String cause,
      String reward,
      Integer premiumDays,
      Instant premiumUntil,
      String badge,
      Instant grantedAt,
      String coupon) {}

  private record After(Instant at, UUID id) {}
}
