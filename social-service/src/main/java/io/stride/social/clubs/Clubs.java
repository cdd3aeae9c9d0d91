package io.stride.social.clubs;

import io.stride.contracts.social.ClubJoined;
import io.stride.contracts.social.ClubUpdated;
import io.stride.platform.events.EventPublisher;
import io.stride.platform.idempotency.IdempotencyKeys;
import io.stride.platform.regions.RegionSettingsCopy;
import io.stride.platform.web.ConflictException;
import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.NotFoundException;
import io.stride.platform.web.UnavailableException;
import io.stride.social.athletes.SearchNames;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clubs themselves: created by an athlete who becomes their owner, in a region that offers clubs
 * (its {@code clubs} flag, from this replica's region copy), with a name unique in the region (case
 * and accents ignored); changed by their owners and admins. Its directory facts (name, sport,
 * region, private) are published as {@link ClubUpdated} when it is created and when they change.
 */
@Service
class Clubs {

  /** The sports workouts have (workout-service's {@code Sport}), as their API names them. */
  static final Set<String> SPORTS =
      Set.of(
          "run",
          "trail_run",
          "walk",
          "hike",
          "ride",
          "mountain_bike",
          "indoor_ride",
          "swim",
          "rowing",
          "strength",
          "yoga",
          "other");

  private final JdbcClient jdbc;
  private final RegionSettingsCopy regions;
  private final IdempotencyKeys idempotency;
  private final EventPublisher events;
  private final Clock clock;

  Clubs(
      JdbcClient jdbc,
      RegionSettingsCopy regions,
      IdempotencyKeys idempotency,
      EventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.regions = regions;
    this.idempotency = idempotency;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  ClubResponse create(UUID creator, ClubRequest request, String key) {
    request.requireForCreate();
    String region = regionOfferingClubs(request.region());
    String sport = sport(request.sport());
    UUID id =
        idempotency.createOnce(
            creator,
            "club",
            key,
            String.join("\n", request.name(), region, String.valueOf(sport)),
            () -> insert(creator, request, region, sport));
    return find(creator, id).orElseThrow();
  }

  @Transactional
  ClubResponse change(UUID caller, UUID clubId, ClubRequest change) {
    // changes of one club one at a time: what was before is what the last change left
    jdbc.sql("select 1 from club where club_id = ? for update").param(clubId).query().listOfRows();
    ClubResponse club = find(caller, clubId).orElseThrow(() -> notFound(clubId));
    if (!Set.of("OWNER", "ADMIN").contains(club.yourRole())) {
      throw new NotFoundException("No club " + clubId + " you manage");
    }
    String region = change.region() != null ? regionOfferingClubs(change.region()) : club.region();
    String name = change.name() != null ? change.name().strip() : club.name();
    try {
      jdbc.sql(
              """
              update club set name = :name, name_key = :key, region = :region,
                  description = coalesce(:description, description),
                  sport = coalesce(:sport, sport), avatar_url = coalesce(:avatar, avatar_url),
                  private = coalesce(:private, private)
              where club_id = :id
              """)
          .param("name", name)
          .param("key", SearchNames.of(name))
          .param("region", region)
          .param("description", change.description())
          .param("sport", sport(change.sport()))
          .param("avatar", change.avatarUrl())
          .param("private", change.isPrivate())
          .param("id", clubId)
          .update();
    } catch (DuplicateKeyException e) {
      throw nameTaken(name, region);
    }
    ClubResponse changed = find(caller, clubId).orElseThrow();
    if (!directoryFacts(changed).equals(directoryFacts(club))) {
      events.publish(directoryFacts(changed).at(clock.instant().truncatedTo(ChronoUnit.MICROS)));
    }
    return changed;
  }

  /** The club and the caller's place in it; any club can be found, private ones too. */
  @Transactional(readOnly = true)
  Optional<ClubResponse> find(UUID caller, UUID clubId) {
    return jdbc.sql(
            """
            select c.*, m.role, m.status from club c
            left join club_member m on m.club_id = c.club_id and m.athlete_id = :caller
            where c.club_id = :id
            """)
        .param("caller", caller)
        .param("id", clubId)
        .query(
            (rs, row) ->
                new ClubResponse(
                    rs.getObject("club_id", UUID.class),
                    rs.getString("name"),
                    rs.getString("description"),
                    rs.getString("sport"),
                    rs.getString("region"),
                    rs.getBoolean("private"),
                    rs.getString("avatar_url"),
                    rs.getLong("members"),
                    rs.getTimestamp("created_at").toInstant(),
                    role(rs.getString("role"), rs.getString("status"))))
        .optional();
  }

  /** Clubs whose name starts with {@code query} (case and accents ignored), in name order. */
  @Transactional(readOnly = true)
  io.stride.platform.paging.Page<ClubResponse> search(
      UUID caller, String query, String region, String cursor, int limit) {
    String key = SearchNames.of(query);
    if (key.length() < 2) {
      throw InvalidRequestException.of("q", "give at least 2 letters of the club's name");
    }
    record After(String key, UUID id) {}
    After after =
        io.stride.platform.paging.Cursor.decode(cursor, k -> new After(k.text(), k.uuid()));
    java.util.List<UUID> ids =
        jdbc.sql(
                "select club_id, name_key from club where name_key like :prefix escape '\\'"
                    + (region == null ? "" : " and region = :region")
                    + (after == null ? "" : " and (name_key, club_id) > (:key, :after)")
                    + " order by name_key, club_id limit :limit")
            .param(
                "prefix", key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
            .param("region", region == null ? "" : region.toUpperCase(Locale.ROOT))
            .param("key", after == null ? "" : after.key())
            .param("after", after == null ? caller : after.id())
            .param("limit", limit + 1)
            .query((rs, row) -> rs.getObject("club_id", UUID.class))
            .list();
    java.util.List<ClubResponse> found =
        ids.stream().map(id -> find(caller, id).orElseThrow()).toList();
    return io.stride.platform.paging.Page.of(
        found,
        limit,
        club -> io.stride.platform.paging.Cursor.of(SearchNames.of(club.name()), club.clubId()));
  }

  static NotFoundException notFound(UUID clubId) {
    return new NotFoundException("No club " + clubId);
  }

  private UUID insert(UUID creator, ClubRequest request, String region, String sport) {
    UUID id = UUID.randomUUID();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    String name = request.name().strip();
    try {
      jdbc.sql(
              """
              insert into club (club_id, name, name_key, description, sport, region, private,
                  avatar_url, created_by, created_at, members)
              values (:id, :name, :key, :description, :sport, :region, :private, :avatar,
                  :creator, :now, 1)
              """)
          .param("id", id)
          .param("name", name)
          .param("key", SearchNames.of(name))
          .param("description", request.description())
          .param("sport", sport)
          .param("region", region)
          .param("private", request.privateOrDefault())
          .param("avatar", request.avatarUrl())
          .param("creator", creator)
          .param("now", Timestamp.from(now))
          .update();
    } catch (DuplicateKeyException e) {
      throw nameTaken(name, region);
    }
    jdbc.sql(
            "insert into club_member (club_id, athlete_id, role, status, since)"
                + " values (?, ?, 'OWNER', 'ACTIVE', ?)")
        .params(id, creator, Timestamp.from(now))
        .update();
    events.publish(new ClubUpdated(id, name, sport, region, request.privateOrDefault(), now));
    // the creator is its first member: those who keep a club's members learn its owner
    events.publish(new ClubJoined(id, creator, "OWNER", now));
    return id;
  }

  /** What {@link ClubUpdated} tells of a club. */
  private record DirectoryFacts(
      UUID clubId, String name, String sport, String region, boolean privateClub) {

    ClubUpdated at(Instant updatedAt) {
      return new ClubUpdated(clubId, name, sport, region, privateClub, updatedAt);
    }
  }

  private static DirectoryFacts directoryFacts(ClubResponse club) {
    return new DirectoryFacts(
        club.clubId(), club.name(), club.sport(), club.region(), club.isPrivate());
  }

  private String regionOfferingClubs(String code) {
    String region = code.toUpperCase(Locale.ROOT);
    if (!regions.isLoaded()) {
      throw new UnavailableException(
          "The regional settings are not loaded yet; try again in a moment", Duration.ofSeconds(5));
    }
    var settings =
        regions
            .find(region)
            .orElseThrow(
                () ->
                    InvalidRequestException.of(
                        "region",
                        region + " is not a region Stride knows (GET /api/v1/regions lists them)"));
    if (!settings.enabled("clubs")) {
      throw InvalidRequestException.of("region", "clubs are not offered in " + region);
    }
    return region;
  }

  private static String sport(String sport) {
    if (sport != null && !SPORTS.contains(sport)) {
      throw InvalidRequestException.of(
          "sport", "is not a sport; one of " + new java.util.TreeSet<>(SPORTS));
    }
    return sport;
  }

  private static ConflictException nameTaken(String name, String region) {
    return new ConflictException(
        "A club named \"" + name + "\" exists in " + region + " already; choose another name");
  }

  private static String role(String role, String status) {
    if (role == null) {
      return "NONE";
    }
    return "PENDING".equals(status) ? "REQUESTED" : role;
  }
}
