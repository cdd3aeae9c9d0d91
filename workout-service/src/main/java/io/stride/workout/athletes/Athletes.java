package io.stride.workout.athletes;

import io.stride.contracts.profile.ProfileUpdated;
import io.stride.platform.locks.TransactionLocks;
import io.stride.workout.metrics.Athlete;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The local copy of what workout-service needs from each athlete's profile (default visibility,
 * account privacy, body data for metrics), and who follows whom. profile-service owns the profile;
 * this copy is fed by {@code ProfileUpdated} and only ever moves forward in version.
 */
@Service
public class Athletes {

  /** An athlete's settings as workout-service sees them. */
  public record Settings(
      String defaultVisibility, boolean accountPrivate, ZoneId timeZone, Athlete body) {}

  /** Before the first ProfileUpdated arrives: the platform's defaults. */
  static final Settings DEFAULTS =
      new Settings("FOLLOWERS", false, ZoneOffset.UTC, Athlete.UNKNOWN);

  private final JdbcClient jdbc;
  private final Clock clock;

  Athletes(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The athlete's settings today. */
  @Transactional(readOnly = true)
  public Settings of(UUID userId) {
    return of(userId, clock.instant());
  }

  /**
   * The athlete's settings for an activity that began at {@code activityStart}: ages (and so 220 −
   * age) are those on that day, so an old workout's zones do not change with each birthday.
   */
  @Transactional(readOnly = true)
  public Settings of(UUID userId, java.time.Instant activityStart) {
    return jdbc.sql(
            "select default_visibility, account_private, time_zone, birth_date, weight_kg, max_heart_rate,"
                + " resting_heart_rate from athlete where user_id = ?")
        .param(userId)
        .query(
            (rs, row) -> {
              LocalDate birth = rs.getObject("birth_date", LocalDate.class);
              Integer age =
                  birth == null
                      ? null
                      : Period.between(
                              birth,
                              LocalDate.ofInstant(activityStart, zone(rs.getString("time_zone"))))
                          .getYears();
              java.math.BigDecimal weight = rs.getBigDecimal("weight_kg");
              return new Settings(
                  rs.getString("default_visibility"),
                  rs.getBoolean("account_private"),
                  zone(rs.getString("time_zone")),
                  new Athlete(
                      weight == null ? null : weight.doubleValue(),
                      rs.getObject("max_heart_rate", Integer.class),
                      rs.getObject("resting_heart_rate", Integer.class),
                      age));
            })
        .optional()
        .orElse(DEFAULTS);
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (java.time.DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  /** Whether {@code viewer} follows {@code owner} (see the follower table's comment). */
  @Transactional(readOnly = true)
  public boolean follows(UUID viewer, UUID owner) {
    return jdbc.sql("select exists (select 1 from follower where owner_id = ? and follower_id = ?)")
        .param(owner)
        .param(viewer)
        .query(Boolean.class)
        .single();
  }

  /**
   * The lock a change of the user's athlete row holds; the erasure of the user takes it too, so
   * neither interleaves with the other.
   */
  public static String lockName(UUID userId) {
    return "athlete:" + userId;
  }

  /**
   * Applies a profile change unless a newer one was applied already (events may overtake), and
   * never for a user this service erased: a ProfileUpdated that arrives after UserDeleted (they
   * travel on different topics) must not bring the athlete back.
   */
  @Transactional
  void apply(ProfileUpdated profile) {
    // one change of a user's athlete row at a time: an erasure running now finishes first
    TransactionLocks.hold(jdbc, lockName(profile.userId()));
    jdbc.sql(
            """
            insert into athlete (user_id, default_visibility, account_private, time_zone,
                                 birth_date, weight_kg, max_heart_rate, resting_heart_rate,
                                 profile_version)
            select cast(:id as uuid), cast(:visibility as varchar), cast(:private as boolean),
                   cast(:zone as varchar), cast(:birth as date), cast(:weight as numeric),
                   cast(:max as integer), cast(:rest as integer), cast(:version as bigint)
            where not exists (select 1 from erased_user where user_id = cast(:id as uuid))
            on conflict (user_id) do update set
                default_visibility = excluded.default_visibility,
                account_private = excluded.account_private,
                time_zone = excluded.time_zone,
                birth_date = excluded.birth_date,
                weight_kg = excluded.weight_kg,
                max_heart_rate = excluded.max_heart_rate,
                resting_heart_rate = excluded.resting_heart_rate,
                profile_version = excluded.profile_version
            where athlete.profile_version < excluded.profile_version
            """)
        .param("id", profile.userId())
        .param("visibility", profile.defaultWorkoutVisibility())
        .param("private", "PRIVATE".equals(profile.accountPrivacy()))
        .param("zone", profile.timeZone() == null ? "UTC" : profile.timeZone())
        .param("birth", profile.birthDate())
        .param("weight", profile.weightKg())
        .param("max", profile.maxHeartRate())
        .param("rest", profile.restingHeartRate())
        .param("version", profile.version())
        .update();
  }

  /**
   * Applies a follow ({@code following}) or its end from social-service, unless a newer change of
   * the pair was applied already; a follow of or by an erased user is never recorded.
   */
  @Transactional
  void applyFollow(UUID owner, UUID follower, long version, boolean following) {
    int newer =
        jdbc.sql(
                """
                insert into follow_version (owner_id, follower_id, version) values (?, ?, ?)
                on conflict (owner_id, follower_id) do update set version = excluded.version
                where follow_version.version < excluded.version
                """)
            .params(owner, follower, version)
            .update();
    if (newer == 0) {
      return;
    }
    if (!following) {
      jdbc.sql("delete from follower where owner_id = ? and follower_id = ?")
          .params(owner, follower)
          .update();
      return;
    }
    jdbc.sql(
            """
            insert into follower (owner_id, follower_id)
            select cast(:owner as uuid), cast(:follower as uuid)
            where not exists (select 1 from erased_user
                              where user_id in (cast(:owner as uuid), cast(:follower as uuid)))
            on conflict do nothing
            """)
        .param("owner", owner)
        .param("follower", follower)
        .update();
  }
}
