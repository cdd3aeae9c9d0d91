package io.stride.promo.campaigns;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Who did what to a campaign: every admin change, with the change, in its transaction. */
@Repository
public class CampaignAudit {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  CampaignAudit(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void record(
      UUID campaign, @Nullable UUID actor, String action, Object detail, Instant at) {
    jdbc.sql(
            "insert into campaign_audit (campaign_id, actor_id, action, detail, at)"
                + " values (?, ?, ?, ?::jsonb, ?)")
        .params(campaign, actor, action, json.writeValueAsString(detail), Timestamp.from(at))
        .update();
  }

  /** Entries older than {@code beforeId}, newest first. */
  List<CampaignAuditEntry> entries(UUID campaign, long beforeId, int n) {
    return jdbc.sql(
            "select id, actor_id, action, detail, at from campaign_audit"
                + " where campaign_id = ? and id < ? order by id desc limit ?")
        .params(campaign, beforeId, n)
        .query(
            (rs, row) ->
                new CampaignAuditEntry(
                    rs.getLong("id"),
                    rs.getObject("actor_id", UUID.class),
                    rs.getString("action"),
                    json.readTree(rs.getString("detail")),
                    rs.getTimestamp("at").toInstant()))
        .list();
  }

  /**
   * @param actorId the admin, or null after their account was erased
   * @param action created, replaced, published, paused, resumed, ended, codes-generated,
   *     coupons-added
   */
  record CampaignAuditEntry(
      long id, @Nullable UUID actorId, String action, JsonNode detail, Instant at) {}
}
