package io.stride.analytics.athletes;

import io.stride.contracts.profile.ProfileUpdated;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The local copy of the profile fields the models need, fed by {@code ProfileUpdated}, only ever
 * moving forward in version, never bringing back an erased user.
 */
@Service
public class Athletes {

  private final JdbcClient jdbc;

  Athletes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The columns {@link #of(ResultSet)} reads, of the table {@code athlete a}. */
  public static final String COLUMNS =
      "a.time_zone, a.region, a.sex, a.birth_date, a.max_heart_rate, a.resting_heart_rate";

  public Athlete find(UUID userId) {
    return jdbc.sql("select " + COLUMNS + " from athlete a where user_id = ?")
        .param(userId)
        .query((rs, row) -> of(rs))
        .optional()
        .orElse(Athlete.UNKNOWN);
  }

  /** The athlete of a row with {@link #COLUMNS}; unknown where they are null (no profile). */
  public static Athlete of(ResultSet rs) throws SQLException {
    if (rs.getString("time_zone") == null) {
      return Athlete.UNKNOWN;
    }
    return new Athlete(
        zone(rs.getString("time_zone")),
        rs.getString("region"),
        rs.getString("sex"),
        rs.getObject("birth_date", LocalDate.class),
        rs.getObject("max_heart_rate", Integer.class),
        rs.getObject("resting_heart_rate", Integer.class));
  }

  /**
   * Applies the profile unless a newer one was applied already.
   *
   * @return the athlete as the models knew them before, or null when nothing changed
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Athlete apply(ProfileUpdated profile) {
    Athlete before = find(profile.userId());
    int changed =
        jdbc.sql(
                """
                insert into athlete (user_id, time_zone, region, sex, birth_date, max_heart_rate,
                    resting_heart_rate, account_private, profile_version)
                select cast(:id as uuid), :zone, :region, :sex, :birth, :maxHr, :restHr, :private,
                    :version
                where not exists (select 1 from erased_user where user_id = cast(:id as uuid))
                on conflict (user_id) do update set
                    time_zone = excluded.time_zone, region = excluded.region, sex = excluded.sex,
                    birth_date = excluded.birth_date, max_heart_rate = excluded.max_heart_rate,
                    resting_heart_rate = excluded.resting_heart_rate,
                    account_private = excluded.account_private,
                    profile_version = excluded.profile_version
                where athlete.profile_version < excluded.profile_version
                """)
            .param("id", profile.userId())
            .param("zone", zone(profile.timeZone()).getId())
            .param("region", profile.region())
            .param("sex", profile.sex())
            .param("birth", profile.birthDate() == null ? null : Date.valueOf(profile.birthDate()))
            .param("maxHr", profile.maxHeartRate())
            .param("restHr", profile.restingHeartRate())
            .param("private", "PRIVATE".equals(profile.accountPrivacy()))
            .param("version", profile.version())
            .update();
    return changed > 0 ? before : null;
  }

  /** A zone the profile names; UTC for none (profile-service accepts only valid IANA zones). */
  static ZoneId zone(String id) {
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
