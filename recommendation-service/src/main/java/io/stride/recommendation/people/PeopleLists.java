package io.stride.recommendation.people;

import io.stride.platform.paging.Page;
import io.stride.recommendation.athletes.ActivityProfile;
import io.stride.recommendation.athletes.Athletes;
import io.stride.recommendation.athletes.Athletes.Athlete;
import io.stride.recommendation.athletes.Athletes.Seen;
import io.stride.recommendation.lists.ListCursor;
import io.stride.recommendation.lists.StoredSuggestions;
import io.stride.recommendation.lists.StoredSuggestions.Entry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * People to follow: candidates gathered from the local copies (friends of friends, club mates,
 * athletes nearby at a similar level), scored by {@link PeopleScoring}, stored; read by rank with
 * the hard rules checked again (a follow, a block, a dismissal or an account gone private since the
 * list was made hides the entry at once).
 */
@Service
public class PeopleLists {

  private static final int FRIENDS_OF_FRIENDS = PeopleScoring.FRIENDS_OF_FRIENDS_KEPT;
  private static final int CLUB_MATES_PER_CLUB = PeopleScoring.CLUB_MATES_KEPT;
  private static final int NEARBY_EACH_WAY = PeopleScoring.NEARBY_KEPT_EACH_WAY;

  private final JdbcClient jdbc;
  private final Athletes athletes;
  private final StoredSuggestions lists;
  private final JsonMapper json;

  PeopleLists(JdbcClient jdbc, Athletes athletes, StoredSuggestions lists, JsonMapper json) {
    this.jdbc = jdbc;
    this.athletes = athletes;
    this.lists = lists;
    this.json = json;
  }

  /** Recomputes the athlete's people list. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void refresh(Athlete me, ActivityProfile mine, int keep) {
    Map<UUID, Integer> friends = friendsOfFriends(me.userId());
    Map<UUID, List<PeopleScoring.SharedClub>> clubs = clubMates(me.userId());
    List<UUID> nearby =
        me.region() == null || mine.mainSport() == null
            ? List.of()
            : athletes.nearby(
                me.region(), mine.mainSport(), mine.weeklyHours(), me.userId(), NEARBY_EACH_WAY);
    Set<UUID> ids = new LinkedHashSet<>(friends.keySet());
    ids.addAll(clubs.keySet());
    ids.addAll(nearby);
    ids.remove(me.userId());
    ids.removeAll(known(me.userId()));
    Map<UUID, Seen> seen = athletes.seen(ids);
    Map<UUID, Integer> followers = followers(seen.keySet());
    List<PeopleScoring.Candidate> candidates = new ArrayList<>();
    for (UUID id : ids) {
      Seen them = seen.get(id);
      if (them == null) {
        continue;
      }
      boolean sameRegion = me.region() != null && me.region().equals(them.region());
      String shared = sharedSport(mine, them);
      candidates.add(
          new PeopleScoring.Candidate(
              id,
              friends.getOrDefault(id, 0),
              clubs.getOrDefault(id, List.of()),
              sameRegion,
              shared,
              PeopleScoring.sportOverlap(mine.sports(), them.sports()),
              PeopleScoring.levelSimilarity(mine.weeklyHours(), them.weeklyHours()),
              followers.getOrDefault(id, 0),
              them.accountPrivate()));
    }
    List<Entry> entries = new ArrayList<>();
    for (PeopleScoring.Scored scored : PeopleScoring.rank(candidates, keep)) {
      entries.add(
          new Entry(scored.athleteId(), scored.score(), json.writeValueAsString(scored.reasons())));
    }
    lists.replace(me.userId(), "person", entries);
  }

  /** A page of the athlete's people list, by rank. */
  @Transactional(readOnly = true)
  Page<PersonSuggestion> page(UUID me, @Nullable String cursor, int limit) {
    ListCursor after = ListCursor.decode(cursor);
    List<Ranked> rows =
        jdbc.sql(
                """
                select s.target_id, s.score, s.reasons, a.display_name, a.avatar_url
                from suggestion s
                join athlete a on a.user_id = s.target_id
                where s.user_id = :me and s.kind = 'person' and %s
                  and not exists (select 1 from follow f
                                  where f.follower_id = :me and f.user_id = s.target_id)
                  and not exists (select 1 from blocked_pair b where b.blocked
                                  and b.blocker_id = :me and b.blocked_id = s.target_id)
                  and not exists (select 1 from blocked_pair b where b.blocked
                                  and b.blocker_id = s.target_id and b.blocked_id = :me)
                  and not exists (select 1 from dismissal d where d.user_id = :me
                                  and d.kind = 'person' and d.target_id = s.target_id)
                  and (not a.account_private
                       or exists (select 1 from club_member m1
                                  join club_member m2 on m2.club_id = m1.club_id
                                  where m1.athlete_id = :me and m2.athlete_id = s.target_id))
                order by s.rank
                limit :limit
                """
                    .formatted(ListCursor.AFTER))
            .param("me", me)
            .param("afterScore", after.score())
            .param("afterId", after.id())
            .param("limit", limit + 1)
            .query(
                (rs, row) ->
                    new Ranked(
                        ListCursor.at(rs),
                        new PersonSuggestion(
                            rs.getObject("target_id", UUID.class),
                            rs.getString("display_name"),
                            rs.getString("avatar_url"),
                            Math.round(rs.getDouble("score") * 1000) / 1000.0,
                            reasons(rs.getString("reasons")))))
            .list();
    Page<Ranked> page = Page.of(rows, limit, ranked -> ranked.at().cursor());
    return new Page<>(page.items().stream().map(Ranked::person).toList(), page.nextCursor());
  }

  private record Ranked(ListCursor at, PersonSuggestion person) {}

  private List<PersonSuggestion.PersonSuggestionReason> reasons(String stored) {
    List<PersonReason> reasons = json.readValue(stored, new TypeReference<>() {});
    return reasons.stream()
        .map(
            r ->
                new PersonSuggestion.PersonSuggestionReason(
                    r.code(), r.text(), r.count(), r.clubId()))
        .toList();
  }

  /** People followed by people I follow, with how many of mine follow each. */
  private Map<UUID, Integer> friendsOfFriends(UUID me) {
    Map<UUID, Integer> found = new HashMap<>();
    jdbc.sql(
            """
            select f2.user_id, count(*) as mutual
            from follow f1
            join follow f2 on f2.follower_id = f1.user_id and f2.active
            where f1.follower_id = ? and f1.active and f2.user_id <> ?
            group by f2.user_id
            order by mutual desc, f2.user_id
            limit ?
            """)
        .params(me, me, FRIENDS_OF_FRIENDS)
        .query((rs, row) -> found.put(rs.getObject(1, UUID.class), rs.getInt(2)))
        .list();
    return found;
  }

  /** Members of my clubs, with the clubs we share (named ones first). */
  private Map<UUID, List<PeopleScoring.SharedClub>> clubMates(UUID me) {
    Map<UUID, List<PeopleScoring.SharedClub>> found = new HashMap<>();
    jdbc.sql(
            """
            select mates.athlete_id, mine.club_id, coalesce(c.name, '') as name
            from club_member mine
            left join club c on c.club_id = mine.club_id
            cross join lateral (select m.athlete_id from club_member m
                                where m.club_id = mine.club_id and m.athlete_id <> mine.athlete_id
                                limit ?) mates
            where mine.athlete_id = ?
            order by c.name nulls last
            """)
        .params(CLUB_MATES_PER_CLUB, me)
        .query(
            (rs, row) ->
                found
                    .computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                    .add(
                        new PeopleScoring.SharedClub(rs.getObject(2, UUID.class), rs.getString(3))))
        .list();
    return found;
  }

  /** Everyone never to suggest to me: anyone I follow, asked, unfollowed, blocked or dismissed. */
  private Set<UUID> known(UUID me) {
    return new HashSet<>(
        jdbc.sql(
                """
                select user_id from follow where follower_id = :me
                union select blocked_id from blocked_pair where blocker_id = :me and blocked
                union select blocker_id from blocked_pair where blocked_id = :me and blocked
                union select target_id from dismissal where user_id = :me and kind = 'person'
                """)
            .param("me", me)
            .query(UUID.class)
            .list());
  }

  private Map<UUID, Integer> followers(Set<UUID> ids) {
    Map<UUID, Integer> counts = new HashMap<>();
    if (ids.isEmpty()) {
      return counts;
    }
    jdbc.sql(
            "select user_id, count(*) from follow where active and user_id = any(?)"
                + " group by user_id")
        .param(ids.toArray(new UUID[0]))
        .query((rs, row) -> counts.put(rs.getObject(1, UUID.class), rs.getInt(2)))
        .list();
    return counts;
  }

  /** The sport both do that takes most of my time, or null. */
  private static @Nullable String sharedSport(ActivityProfile mine, Seen them) {
    String best = null;
    for (String sport : them.sports()) {
      if (mine.share(sport) > 0 && (best == null || mine.share(sport) > mine.share(best))) {
        best = sport;
      }
    }
    return best;
  }
}
