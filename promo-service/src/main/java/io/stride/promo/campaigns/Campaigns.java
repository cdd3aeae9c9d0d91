package io.stride.promo.campaigns;

import io.stride.promo.limits.ShardedLimit;
import io.stride.promo.rules.Rule;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The campaign table: reads for every feature, writes for the admin's. */
@Repository
public class Campaigns {

  private static final String STORED =
      "id, name, description, starts_at, ends_at, time_zone, regions, budget_rewards,"
          + " budget_money, currency, reward, rules, trigger, per_athlete, state,"
          + " created_at, updated_at";

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final ShardedLimit budgets;

  /** What is read of a campaign: its columns and the rewards granted (its budget's shards). */
  private final String selected;

  Campaigns(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
    this.budgets = new ShardedLimit(jdbc, "budget_shard", "campaign_id");
    this.selected = STORED + ", " + budgets.usedOf("campaign.id") + " as granted";
  }

  /**
   * Splits the budget into shards as the campaign is published: the rewards its count and money
   * allow (the budget cannot change after the draft).
   */
  void splitBudget(Campaign campaign) {
    budgets.split(campaign.id(), campaign.rewardsLeft());
  }

  /**
   * Counts one reward against the campaign's budget while the campaign is live; its row is share
   * locked until the transaction ends, so a pause waits for the grants in flight and no grant
   * follows it.
   *
   * @return false when the campaign is not live or its budget is used up
   */
  public boolean countReward(UUID campaign, Instant now) {
    boolean live =
        jdbc.sql(
                "select id from campaign where id = ? and state = 'published' and starts_at <= ?"
                    + " and ends_at > ? for share")
            .params(campaign, Timestamp.from(now), Timestamp.from(now))
            .query(UUID.class)
            .optional()
            .isPresent();
    return live && budgets.take(campaign);
  }

  public Optional<Campaign> find(UUID id) {
    return jdbc.sql("select " + selected + " from campaign where id = ?")
        .param(id)
        .query(this::campaign)
        .optional();
  }

  /** The campaign, its row locked until the transaction ends (admin changes). */
  Optional<Campaign> lock(UUID id) {
    return jdbc.sql("select " + selected + " from campaign where id = ? for update")
        .param(id)
        .query(this::campaign)
        .optional();
  }

  /** Published campaigns with this trigger whose window holds {@code now}. */
  public List<Campaign> liveTriggered(String event, Instant now) {
    return jdbc.sql(
            "select "
                + selected
                + " from campaign where trigger_event = ? and state = 'published'"
                + " and starts_at <= ? and ends_at > ?")
        .params(event, Timestamp.from(now), Timestamp.from(now))
        .query(this::campaign)
        .list();
  }

  /** Live campaigns offered in {@code region} (or its country), soonest ending first, paged. */
  public List<Campaign> liveIn(String region, Instant now, Instant afterEnd, UUID afterId, int n) {
    String country = region.length() > 2 ? region.substring(0, 2) : region;
    return jdbc.sql(
            "select "
                + selected
                + " from campaign where state = 'published' and starts_at <= ? and ends_at > ?"
                + " and (? = any(regions) or ? = any(regions)) and (ends_at, id) > (?, ?)"
                + " order by ends_at, id limit ?")
        .params(
            Timestamp.from(now),
            Timestamp.from(now),
            region,
            country,
            Timestamp.from(afterEnd),
            afterId,
            n)
        .query(this::campaign)
        .list();
  }

  /** All campaigns, newest first, for admins. */
  List<Campaign> all(Instant beforeCreated, UUID beforeId, int n) {
    return jdbc.sql(
            "select "
                + selected
                + " from campaign where (created_at, id) < (?, ?) order by created_at desc, id desc"
                + " limit ?")
        .params(Timestamp.from(beforeCreated), beforeId, n)
        .query(this::campaign)
        .list();
  }

  private static final String INSERT =
      "insert into campaign ("
          + STORED
          + ", trigger_event, reward_value) values (?, ?::json, ?::json, ?, ?, ?, ?, ?, ?, ?,"
          + " ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?)";

  void insert(Campaign c) {
    jdbc.sql(INSERT).params(values(c)).update();
  }

  /** A draft's new content: everything an admin edits, not its state, counts or creation. */
  void replace(Campaign c) {
    jdbc.sql(
            INSERT
                + " on conflict (id) do update set name = excluded.name,"
                + " description = excluded.description, starts_at = excluded.starts_at,"
                + " ends_at = excluded.ends_at, time_zone = excluded.time_zone,"
                + " regions = excluded.regions, budget_rewards = excluded.budget_rewards,"
                + " budget_money = excluded.budget_money, currency = excluded.currency,"
                + " reward = excluded.reward, rules = excluded.rules, trigger = excluded.trigger,"
                + " per_athlete = excluded.per_athlete, trigger_event = excluded.trigger_event,"
                + " reward_value = excluded.reward_value, updated_at = excluded.updated_at")
        .params(values(c))
        .update();
  }

  void setState(UUID id, String state, Instant at) {
    jdbc.sql("update campaign set state = ?, updated_at = ? where id = ?")
        .params(state, Timestamp.from(at), id)
        .update();
  }

  private Object[] values(Campaign c) {
    return new Object[] {
      c.id(),
      json.writeValueAsString(c.name()),
      json.writeValueAsString(c.description()),
      Timestamp.from(c.startsAt()),
      Timestamp.from(c.endsAt()),
      c.timeZone(),
      c.regions().toArray(String[]::new),
      c.budgetRewards(),
      c.budgetMoney(),
      c.currency(),
      json.writeValueAsString(c.reward()),
      rulesJson(c.rules()),
      c.trigger() == null ? null : json.writeValueAsString(c.trigger()),
      c.perAthlete(),
      c.state(),
      Timestamp.from(c.createdAt()),
      Timestamp.from(c.updatedAt()),
      c.trigger() == null ? null : c.trigger().event(),
      c.reward().value() == null ? null : c.reward().value().amount()
    };
  }

  private String rulesJson(List<Rule> rules) {
    return json.writerFor(new TypeReference<List<Rule>>() {}).writeValueAsString(rules);
  }

  private Campaign campaign(ResultSet rs, int row) throws SQLException {
    String trigger = rs.getString("trigger");
    Reward reward = json.readValue(rs.getString("reward"), Reward.class);
    int granted = rs.getInt("granted");
    BigDecimal spent =
        reward.value() == null
            ? BigDecimal.ZERO
            : reward.value().amount().multiply(BigDecimal.valueOf(granted));
    return new Campaign(
        rs.getObject("id", UUID.class),
        texts(rs.getString("name")),
        texts(rs.getString("description")),
        rs.getTimestamp("starts_at").toInstant(),
        rs.getTimestamp("ends_at").toInstant(),
        rs.getString("time_zone"),
        Arrays.asList((String[]) rs.getArray("regions").getArray()),
        rs.getInt("budget_rewards"),
        rs.getBigDecimal("budget_money"),
        rs.getString("currency"),
        reward,
        json.readValue(rs.getString("rules"), new TypeReference<List<Rule>>() {}),
        trigger == null ? null : json.readValue(trigger, Trigger.class),
        rs.getInt("per_athlete"),
        rs.getString("state"),
        granted,
        spent,
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }

  private Map<String, String> texts(String jsonText) {
    // a json column, not jsonb: the order of the texts (the first is the fallback) is kept
    return json.readValue(jsonText, new TypeReference<LinkedHashMap<String, String>>() {});
  }
}
