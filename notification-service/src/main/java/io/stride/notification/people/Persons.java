package io.stride.notification.people;

import io.stride.contracts.auth.AccountContactChanged;
import io.stride.contracts.auth.UserRegistered;
import io.stride.contracts.profile.ProfileUpdated;
import io.stride.contracts.region.RegionSettingsChanged;
import io.stride.notification.types.Languages;
import io.stride.platform.regions.RegionSettingsCopy;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The copy of each person this service keeps: names and zone from profiles (only forward in
 * version), a first name from registration, the email address from auth-service's contact events
 * (only forward in version). Nothing is stored about a person this service erased. The language of
 * what a person is sent is their region's default locale (from the platform's region copy), English
 * when they have no region.
 */
@Component
public class Persons {

  private final JdbcClient jdbc;
  private final RegionSettingsCopy regions;

  Persons(JdbcClient jdbc, RegionSettingsCopy regions) {
    this.jdbc = jdbc;
    this.regions = regions;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void apply(UserRegistered event) {
    jdbc.sql(
            """
            insert into person (user_id, display_name)
            select :user, :name where not exists (select 1 from erased_user where user_id = :user)
            on conflict (user_id) do update set display_name = excluded.display_name
              where person.profile_version < 0
            """)
        .param("user", event.userId())
        .param("name", event.displayName())
        .update();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void apply(ProfileUpdated event) {
    jdbc.sql(
            """
            insert into person (user_id, display_name, avatar_url, time_zone, region, profile_version)
            select :user, :name, :avatar, :zone, :region, :version
            where not exists (select 1 from erased_user where user_id = :user)
            on conflict (user_id) do update set display_name = excluded.display_name,
              avatar_url = excluded.avatar_url, time_zone = excluded.time_zone,
              region = excluded.region, profile_version = excluded.profile_version
              where person.profile_version < excluded.profile_version
            """)
        .param("user", event.userId())
        .param("name", event.displayName())
        .param("avatar", event.avatarUrl())
        .param("zone", event.timeZone())
        .param("region", event.region())
        .param("version", event.version())
        .update();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void apply(AccountContactChanged event) {
    jdbc.sql(
            """
            insert into person (user_id, email, email_verified, contact_version)
            select :user, :email, :verified, :version
            where not exists (select 1 from erased_user where user_id = :user)
            on conflict (user_id) do update set email = excluded.email,
              email_verified = excluded.email_verified, contact_version = excluded.contact_version
              where person.contact_version < excluded.contact_version
            """)
        .param("user", event.userId())
        .param("email", event.email())
        .param("verified", event.emailVerified())
        .param("version", event.version())
        .update();
  }

  public Optional<Person> find(UUID userId) {
    return jdbc.sql(
            "select user_id, display_name, avatar_url, time_zone, region, email, email_verified"
                + " from person where user_id = ?")
        .param(userId)
        .query(
            (rs, row) ->
                new Person(
                    rs.getObject("user_id", UUID.class),
                    rs.getString("display_name"),
                    rs.getString("avatar_url"),
                    zone(rs.getString("time_zone")),
                    locale(rs.getString("region")),
                    rs.getString("email"),
                    rs.getBoolean("email_verified")))
        .optional();
  }

  /** The person, or one with nothing known but the id (UTC, English, no email). */
  public Person get(UUID userId) {
    return find(userId)
        .orElseGet(
            () -> new Person(userId, null, null, ZoneOffset.UTC, Locale.ENGLISH, null, false));
  }

  /** The language to answer a reader in: their Accept-Language if Stride has it, else theirs. */
  public Locale readerLocale(UUID userId, String acceptLanguage) {
    return Languages.pick(acceptLanguage, get(userId).locale());
  }

  /** Display names of these people, by id; unknown people are left out. */
  public Map<UUID, Names> names(Collection<UUID> userIds) {
    Map<UUID, Names> names = new HashMap<>();
    if (userIds.isEmpty()) {
      return names;
    }
    jdbc.sql("select user_id, display_name, avatar_url from person where user_id in (:ids)")
        .param("ids", List.copyOf(userIds))
        .query(
            (rs, row) ->
                names.put(
                    rs.getObject("user_id", UUID.class),
                    new Names(rs.getString("display_name"), rs.getString("avatar_url"))))
        .list();
    return names;
  }

  /** The person's display name, or null for nobody or somebody unknown. */
  public String displayName(UUID userId) {
    if (userId == null) {
      return null;
    }
    Names names = names(List.of(userId)).get(userId);
    return names == null ? null : names.displayName();
  }

  /** A name and picture to show. */
  public record Names(String displayName, String avatarUrl) {}

  private static ZoneId zone(String id) {
    if (id == null) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  private Locale locale(String region) {
    if (region == null) {
      return Locale.ENGLISH;
    }
    return regions
        .find(region)
        .map(RegionSettingsChanged::defaultLocale)
        .map(Locale::forLanguageTag)
        .orElse(Locale.ENGLISH);
  }
}
