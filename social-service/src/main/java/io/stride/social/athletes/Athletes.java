package io.stride.social.athletes;

import io.stride.contracts.profile.ProfileUpdated;
import io.stride.platform.locks.TransactionLocks;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The local copy of the profile fields social-service needs (name, picture, account privacy).
 * profile-service owns the profile; this copy is fed by {@code ProfileUpdated}, only ever moves
 * forward in version, and never brings back a user this service erased.
 */
@Service
public class Athletes {

  private final JdbcClient jdbc;

  Athletes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The lock a change of the user's athlete row holds; erasing the user takes it too. */
  public static String lockName(UUID userId) {
    return "athlete:" + userId;
  }

  public Optional<AthleteCard> find(UUID id) {
    return jdbc.sql(
            "select user_id, display_name, avatar_url, account_private from athlete"
                + " where user_id = ?")
        .param(id)
        .query(
            (rs, row) ->
                new AthleteCard(
                    rs.getObject("user_id", UUID.class),
                    rs.getString("display_name"),
                    rs.getString("avatar_url"),
                    rs.getBoolean("account_private")))
        .optional();
  }

  /**
   * Applies a profile change unless a newer one was applied already; true when it turned a private
   * account public (its pending follow requests then become follows).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean apply(ProfileUpdated profile) {
    TransactionLocks.hold(jdbc, lockName(profile.userId()));
    boolean wasPrivate =
        jdbc.sql("select account_private from athlete where user_id = ?")
            .param(profile.userId())
            .query(Boolean.class)
            .optional()
            .orElse(false);
    boolean isPrivate = "PRIVATE".equals(profile.accountPrivacy());
    String name = profile.displayName() == null ? "" : profile.displayName();
    int changed =
        jdbc.sql(
                """
                insert into athlete (user_id, display_name, search_name, avatar_url,
                                     account_private, profile_version)
                select cast(:id as uuid), :name, :search, :avatar, :private, :version
                where not exists (select 1 from erased_user where user_id = cast(:id as uuid))
                on conflict (user_id) do update set
                    display_name = excluded.display_name,
                    search_name = excluded.search_name,
                    avatar_url = excluded.avatar_url,
                    account_private = excluded.account_private,
                    profile_version = excluded.profile_version
                where athlete.profile_version < excluded.profile_version
                """)
            .param("id", profile.userId())
            .param("name", name)
            .param("search", SearchNames.of(name))
            .param("avatar", profile.avatarUrl())
            .param("private", isPrivate)
            .param("version", profile.version())
            .update();
    if (changed > 0) {
      words(profile.userId(), name);
    }
    return changed > 0 && wasPrivate && !isPrivate;
  }

  /** The words search finds the athlete by, replaced with the name. */
  private void words(UUID userId, String name) {
    jdbc.sql("delete from athlete_word where user_id = ?").param(userId).update();
    jdbc.sql(
            "insert into athlete_word (word, user_id) select distinct left(w, 80), :user"
                + " from unnest(cast(:words as text[])) w on conflict do nothing")
        .param("user", userId)
        .param("words", SearchNames.words(name).toArray(String[]::new))
        .update();
  }
}
