package io.stride.recommendation.groups;

import io.stride.platform.paging.Page;
import io.stride.recommendation.athletes.ActivityProfile;
import io.stride.recommendation.athletes.Athletes.Athlete;
import io.stride.recommendation.lists.ListCursor;
import io.stride.recommendation.lists.StoredSuggestions;
import io.stride.recommendation.lists.StoredSuggestions.Entry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Challenges and clubs to join: the open challenges the athlete may join and the clubs of their
 * country, scored by {@link GroupScoring}, stored; read by rank with the hard rules checked again
 * (joined, left, dismissed, deleted or over since the list was made: hidden at once).
 */
@Service
public class GroupLists {

  static final int MAX_CANDIDATES = 500;

  private final JdbcClient jdbc;
  private final StoredSuggestions lists;
  private final JsonMapper json;

  GroupLists(JdbcClient jdbc, StoredSuggestions lists, JsonMapper json) {
    this.jdbc = jdbc;
    this.lists = lists;
    this.json = json;
  }

  /** Recomputes the athlete's challenge and club lists. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void refresh(Athlete me, ActivityProfile mine, Instant now, int keep) {
    boolean hasSports = !mine.shares().isEmpty();
    List<GroupScoring.ChallengeCandidate> challenges = challenges(me, mine, now);
    lists.replace(
        me.userId(),
        "challenge",
        entries(GroupScoring.rankChallenges(challenges, hasSports, keep)));
    List<GroupScoring.ClubCandidate> clubs = me.region() == null ? List.of() : clubs(me, mine);
    lists.replace(me.userId(), "club", entries(GroupScoring.rankClubs(clubs, hasSports, keep)));
  }

  private List<Entry> entries(List<GroupScoring.Scored> ranked) {
    List<Entry> entries = new ArrayList<>();
    for (GroupScoring.Scored scored : ranked) {
      entries.add(
          new Entry(scored.id(), scored.score(), json.writeValueAsString(scored.reasons())));
    }
    return entries;
  }

  private List<GroupScoring.ChallengeCandidate> challenges(
      Athlete me, ActivityProfile mine, Instant now) {
    return jdbc.sql(
            """
            select c.challenge_id, c.sport, c.goal, c.target, c.starts_at, c.ends_at, c.scope,
                   (select count(*) from challenge_participant p
                    where p.challenge_id = c.challenge_id) as participants,
                   (select count(*) from challenge_participant p
                    join follow f on f.user_id = p.athlete_id and f.follower_id = :me and f.active
                    where p.challenge_id = c.challenge_id) as friends
            from challenge c
            where not c.deleted and c.ends_at > :now
              and (c.scope = 'everyone'
                   or (c.scope = 'region'
                       and (:region = c.region or :region like c.region || '-%'))
                   or (c.scope = 'club'
                       and exists (select 1 from club_member m
                                   where m.club_id = c.club_id and m.athlete_id = :me)))
              and not exists (select 1 from challenge_participant p
                              where p.challenge_id = c.challenge_id and p.athlete_id = :me)
              and not exists (select 1 from departure d where d.athlete_id = :me
                              and d.kind = 'challenge' and d.target_id = c.challenge_id)
              and not exists (select 1 from dismissal d where d.user_id = :me
                              and d.kind = 'challenge' and d.target_id = c.challenge_id)
            order by c.ends_at, c.challenge_id
            limit :max
            """)
        .param("me", me.userId())
        .param("now", Timestamp.from(now))
        .param("region", me.region() == null ? "" : me.region())
        .param("max", MAX_CANDIDATES)
        .query(
            (rs, row) -> {
              String sport = rs.getString("sport");
              Instant from = rs.getTimestamp("starts_at").toInstant();
              Instant to = rs.getTimestamp("ends_at").toInstant();
              double weeks =
                  Duration.between(from.isAfter(now) ? from : now, to).toSeconds() / 604800.0;
              ActivityProfile.Weekly weekly =
                  sport == null ? mine.weeklyAll() : mine.weeklyBySport().get(sport);
              Double expected =
                  mine.shares().isEmpty() || weekly == null
                      ? null
                      : weekly.of(rs.getString("goal")) * weeks / rs.getLong("target");
              return new GroupScoring.ChallengeCandidate(
                  rs.getObject("challenge_id", UUID.class),
                  sport,
                  sport == null ? null : mine.share(sport),
                  !"everyone".equals(rs.getString("scope")),
                  expected,
                  rs.getInt("friends"),
                  rs.getInt("participants"));
            })
        .list();
  }

  private List<GroupScoring.ClubCandidate> clubs(Athlete me, ActivityProfile mine) {
    return jdbc.sql(
            """
            select c.club_id, c.sport, c.region, c.private,
                   (select count(*) from club_member m where m.club_id = c.club_id) as members,
                   case when c.private then 0 else
                     (select count(*) from club_member m
                      join follow f on f.user_id = m.athlete_id and f.follower_id = :me
                                   and f.active
                      where m.club_id = c.club_id) end as friends
            from club c
            where c.country = split_part(:region, '-', 1)
              and not exists (select 1 from club_member m
                              where m.club_id = c.club_id and m.athlete_id = :me)
              and not exists (select 1 from departure d where d.athlete_id = :me
                              and d.kind = 'club' and d.target_id = c.club_id)
              and not exists (select 1 from dismissal d where d.user_id = :me
                              and d.kind = 'club' and d.target_id = c.club_id)
            order by (c.region = :region) desc, c.club_id
            limit :max
            """)
        .param("me", me.userId())
        .param("region", me.region())
        .param("max", MAX_CANDIDATES)
        .query(
            (rs, row) -> {
              String sport = rs.getString("sport");
              return new GroupScoring.ClubCandidate(
                  rs.getObject("club_id", UUID.class),
                  sport,
                  sport == null ? null : mine.share(sport),
                  me.region().equals(rs.getString("region")) ? 1 : GroupScoring.SAME_COUNTRY,
                  rs.getInt("friends"),
                  rs.getInt("members"));
            })
        .list();
  }

  /** A page of the athlete's challenge list, by rank. */
  @Transactional(readOnly = true)
  Page<ChallengeSuggestion> challengePage(
      UUID me, @Nullable String cursor, int limit, Instant now) {
    ListCursor after = ListCursor.decode(cursor);
    List<Ranked<ChallengeSuggestion>> rows =
        jdbc.sql(
                """
                select s.target_id, s.score, s.reasons, c.challenge_id, c.title, c.goal, c.target,
                       c.sport, c.starts_at, c.ends_at, c.scope
                from suggestion s
                join challenge c on c.challenge_id = s.target_id
                where s.user_id = :me and s.kind = 'challenge' and %s
                  and not c.deleted and c.ends_at > :now
                  and not exists (select 1 from challenge_participant p
                                  where p.challenge_id = c.challenge_id and p.athlete_id = :me)
                  and not exists (select 1 from departure d where d.athlete_id = :me
                                  and d.kind = 'challenge' and d.target_id = c.challenge_id)
                  and not exists (select 1 from dismissal d where d.user_id = :me
                                  and d.kind = 'challenge' and d.target_id = c.challenge_id)
                order by s.rank
                limit :limit
                """
                    .formatted(ListCursor.AFTER))
            .param("me", me)
            .param("afterScore", after.score())
            .param("afterId", after.id())
            .param("now", Timestamp.from(now))
            .param("limit", limit + 1)
            .query(
                (rs, row) ->
                    new Ranked<>(
                        ListCursor.at(rs),
                        new ChallengeSuggestion(
                            rs.getObject("challenge_id", UUID.class),
                            rs.getString("title"),
                            rs.getString("goal"),
                            rs.getLong("target"),
                            rs.getString("sport"),
                            rs.getTimestamp("starts_at").toInstant(),
                            rs.getTimestamp("ends_at").toInstant(),
                            rs.getString("scope"),
                            Math.round(rs.getDouble("score") * 1000) / 1000.0,
                            reasons(rs.getString("reasons"), "challenge"))))
            .list();
    return unwrap(Page.of(rows, limit, ranked -> ranked.at().cursor()));
  }

  /** A page of the athlete's club list, by rank. */
  @Transactional(readOnly = true)
  Page<ClubSuggestion> clubPage(UUID me, @Nullable String cursor, int limit) {
    ListCursor after = ListCursor.decode(cursor);
    List<Ranked<ClubSuggestion>> rows =
        jdbc.sql(
                """
                select s.target_id, s.score, s.reasons, c.club_id, c.name, c.sport, c.region, c.private
                from suggestion s
                join club c on c.club_id = s.target_id
                where s.user_id = :me and s.kind = 'club' and %s
                  and not exists (select 1 from club_member m
                                  where m.club_id = c.club_id and m.athlete_id = :me)
                  and not exists (select 1 from departure d where d.athlete_id = :me
                                  and d.kind = 'club' and d.target_id = c.club_id)
                  and not exists (select 1 from dismissal d where d.user_id = :me
                                  and d.kind = 'club' and d.target_id = c.club_id)
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
                    new Ranked<>(
                        ListCursor.at(rs),
                        new ClubSuggestion(
                            rs.getObject("club_id", UUID.class),
                            rs.getString("name"),
                            rs.getString("sport"),
                            rs.getString("region"),
                            rs.getBoolean("private"),
                            Math.round(rs.getDouble("score") * 1000) / 1000.0,
                            reasons(rs.getString("reasons"), "club"))))
            .list();
    return unwrap(Page.of(rows, limit, ranked -> ranked.at().cursor()));
  }

  private record Ranked<T>(ListCursor at, T item) {}

  private static <T> Page<T> unwrap(Page<Ranked<T>> page) {
    return new Page<>(page.items().stream().map(Ranked::item).toList(), page.nextCursor());
  }

  private List<GroupSuggestionReason> reasons(String stored, String noun) {
    List<GroupReason> reasons = json.readValue(stored, new TypeReference<>() {});
    return reasons.stream()
        .map(r -> new GroupSuggestionReason(r.code(), r.text(noun), r.count()))
        .toList();
  }
}
