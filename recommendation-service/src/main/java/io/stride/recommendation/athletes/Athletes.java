package io.stride.recommendation.athletes;

import io.stride.contracts.profile.ProfileUpdated;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The athletes as their profiles announced them, and the level their own workouts show. */
@Repository
public class Athletes {

  private final JdbcClient jdbc;

  Athletes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The athlete's copy.
   *
   * @param region null until the athlete picks one
   * @param mainSport the sport of most of the moving time others may see, null without workouts
   */
  public record Athlete(
      UUID userId,
      String displayName,
      @Nullable String avatarUrl,
      @Nullable String region,
      ZoneId timeZone,
      boolean accountPrivate,
      @Nullable String mainSport,
      double weeklyHours) {}

  /** What one candidate's copy says: whether private, region, sports others see, level. */
  public record Seen(
      UUID userId,
      @Nullable String region,
      boolean accountPrivate,
      Set<String> sports,
      @Nullable String mainSport,
      double weeklyHours) {}

  /** The copies of these athletes (unknown ones are left out). */
  public Map<UUID, Seen> seen(Collection<UUID> ids) {
    Map<UUID, Seen> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    jdbc.sql(
            "select user_id, region, account_private, sports, main_sport, weekly_hours"
                + " from athlete where user_id = any(?)")
        .param(ids.toArray(new UUID[0]))
        .query(
            (rs, row) ->
                new Seen(
                    rs.getObject("user_id", UUID.class),
                    rs.getString("region"),
                    rs.getBoolean("account_private"),
                    rs.getString("sports").isEmpty()
                        ? Set.of()
                        : Set.of(rs.getString("sports").split(",")),
                    rs.getString("main_sport"),
                    rs.getDouble("weekly_hours")))
        .list()
        .forEach(seen -> found.put(seen.userId(), seen));
    return found;
  }

  /**
   * Public athletes of the region whose main sport is {@code sport}, nearest in weekly hours to
   * {@code hours} (at most {@code each} above and {@code each} below).
   */
  public List<UUID> nearby(String region, String sport, double hours, UUID except, int each) {
    return jdbc.sql(
            """
            (select user_id from athlete
             where region = :region and main_sport = :sport and not account_private
               and weekly_hours >= :hours and user_id <> :me
             order by weekly_hours limit :each)
            union all
            (select user_id from athlete
             where region = :region and main_sport = :sport and not account_private
               and weekly_hours < :hours and user_id <> :me
             order by weekly_hours desc limit :each)
            """)
        .param("region", region)
        .param("sport", sport)
        .param("hours", hours)
        .param("me", except)
        .param("each", each)
        .query(UUID.class)
        .list();
  }

  /** What applying a profile did. */
  public enum Applied {
    /** A newer profile was stored before: nothing changed. */
    NOTHING,
    STORED,
    /** Stored, and the account is private now after being public. */
    TURNED_PRIVATE
  }

  /** Applies a profile unless a newer one was applied. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Applied apply(ProfileUpdated profile) {
    return jdbc.sql(
            """
            with before as (select account_private from athlete where user_id = cast(:id as uuid))
            insert into athlete (user_id, display_name, avatar_url, region, time_zone,
                                 account_private, profile_version)
            select cast(:id as uuid), :name, :avatar, :region, :zone, :private, :version
            where not exists (select 1 from erased_user where user_id = cast(:id as uuid))
            on conflict (user_id) do update set
                display_name = excluded.display_name,
                avatar_url = excluded.avatar_url,
                region = excluded.region,
                time_zone = excluded.time_zone,
                account_private = excluded.account_private,
                profile_version = excluded.profile_version
            where athlete.profile_version < excluded.profile_version
            returning account_private
                and not coalesce((select account_private from before), true) as turned_private
            """)
        .param("id", profile.userId())
        .param("name", profile.displayName() == null ? "" : profile.displayName())
        .param("avatar", profile.avatarUrl())
        .param("region", profile.region())
        .param("zone", zone(profile.timeZone()).getId())
        .param("private", "PRIVATE".equals(profile.accountPrivacy()))
        .param("version", profile.version())
        .query(Boolean.class)
        .optional()
        .map(turnedPrivate -> turnedPrivate ? Applied.TURNED_PRIVATE : Applied.STORED)
        .orElse(Applied.NOTHING);
  }

  public Optional<Athlete> find(UUID userId) {
    return jdbc.sql(
            """
            select user_id, display_name, avatar_url, region, time_zone, account_private,
                   main_sport, weekly_hours
            from athlete where user_id = ?
            """)
        .param(userId)
        .query(
            (rs, row) ->
                new Athlete(
                    rs.getObject("user_id", UUID.class),
                    rs.getString("display_name"),
                    rs.getString("avatar_url"),
                    rs.getString("region"),
                    zone(rs.getString("time_zone")),
                    rs.getBoolean("account_private"),
                    rs.getString("main_sport"),
                    rs.getDouble("weekly_hours")))
        .optional();
  }

  /** Stores what the athlete's shown workouts say of their sports and level. */
  public void level(UUID userId, ActivityProfile shown) {
    jdbc.sql("update athlete set main_sport = ?, sports = ?, weekly_hours = ? where user_id = ?")
        .params(shown.mainSport(), String.join(",", shown.sports()), shown.weeklyHours(), userId)
        .update();
  }

  static ZoneId zone(@Nullable String id) {
    if (id == null || id.isBlank()) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }
}
