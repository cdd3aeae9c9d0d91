package io.stride.gamification.athletes;

import io.stride.contracts.profile.ProfileUpdated;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The local copy of the profile fields the rules need (zone, region, account privacy) and the name
 * and avatar leaderboards show; fed by {@code ProfileUpdated}, only ever moving forward in version,
 * never bringing back an erased user.
 */
@Service
public class Athletes {

  private final JdbcClient jdbc;

  Athletes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Athlete find(UUID userId) {
    return jdbc.sql("select time_zone, region, account_private from athlete where user_id = ?")
        .param(userId)
        .query((rs, row) -> new Athlete(zone(rs.getString(1)), rs.getString(2), rs.getBoolean(3)))
        .optional()
        .orElse(Athlete.UNKNOWN);
  }

  /**
   * Applies the profile unless a newer one was applied already.
   *
   * @return whether what the rules depend on (zone, region) changed
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean apply(ProfileUpdated profile) {
    Athlete before = find(profile.userId());
    String zone = zone(profile.timeZone()).getId();
    int changed =
        jdbc.sql(
                """
                insert into athlete (user_id, time_zone, region, account_private, profile_version,
                    display_name, avatar_url)
                select cast(:id as uuid), :zone, :region, :private, :version, :name, :avatar
                where not exists (select 1 from erased_user where user_id = cast(:id as uuid))
                on conflict (user_id) do update set
                    time_zone = excluded.time_zone,
                    region = excluded.region,
                    account_private = excluded.account_private,
                    profile_version = excluded.profile_version,
                    display_name = excluded.display_name,
                    avatar_url = excluded.avatar_url
                where athlete.profile_version < excluded.profile_version
                """)
            .param("id", profile.userId())
            .param("zone", zone)
            .param("region", profile.region())
            .param("private", "PRIVATE".equals(profile.accountPrivacy()))
            .param("version", profile.version())
            .param("name", profile.displayName())
            .param("avatar", profile.avatarUrl())
            .update();
    return changed > 0
        && (!before.zone().getId().equals(zone)
            || !Objects.equals(before.region(), profile.region()));
  }

  /** A zone the profile names; UTC for none (profile-service accepts only valid IANA zones). */
  private static ZoneId zone(String id) {
    if (id == null || id.isBlank()) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException unknownToThisJdk) {
      return ZoneId.of("UTC");
    }
  }
}
