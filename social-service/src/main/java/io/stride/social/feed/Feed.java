package io.stride.social.feed;

import io.stride.platform.paging.Cursor;
import io.stride.platform.paging.Page;
import io.stride.platform.web.NotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the home feed: the reader's own workouts and those of the athletes they follow, newest
 * first, cursor-paged on (start time, workout id). Two index range scans merged: the reader's
 * fanned-out rows, and the pull path over the workouts of followed accounts too large to fan out.
 * Muted athletes are left out in both, before the page is cut, so a page is never short while more
 * follow.
 */
@Service
class Feed {

  private record After(Instant start, UUID workoutId) {}

  /** A page's items from its {@code page (workout_id, start_time)}, newest first. */
  private static final String PAGE_ITEMS =
      """
      select w.workout_id, w.owner_id, w.sport, w.title, w.start_time, w.elapsed_seconds,
             w.moving_seconds, w.distance_m, w.elevation_gain_m, w.visibility,
             w.kudos, w.comments, a.display_name, a.avatar_url,
             exists (select 1 from kudos k where k.workout_id = w.workout_id
                     and k.giver_id = :me) as gave
      from page p join workout w on w.workout_id = p.workout_id
      left join athlete a on a.user_id = w.owner_id
      order by p.start_time desc, p.workout_id desc
      """;

  private static final String ITEMS =
      """
      with page as (
        (select i.workout_id, i.start_time from feed_item i
         where i.reader_id = :me and (i.start_time, i.workout_id) < (:start, :after)
           and not exists (select 1 from mute m where m.muter_id = :me and m.muted_id = i.owner_id)
         order by i.start_time desc, i.workout_id desc limit :limit)
        union
        (select w.workout_id, w.start_time from follow f
         join athlete a on a.user_id = f.user_id and a.followers > :fanOutLimit
         join workout w on w.owner_id = f.user_id and not w.deleted
           and w.visibility in ('public', 'followers')
         where f.follower_id = :me and f.status = 'APPROVED'
           and (w.start_time, w.workout_id) < (:start, :after)
           and not exists (select 1 from mute m where m.muter_id = :me and m.muted_id = f.user_id)
         order by w.start_time desc, w.workout_id desc limit :limit)
      )
      """
          + PAGE_ITEMS
          + " limit :limit";

  private static final String CLUB_ITEMS =
      """
      with page as (
        select w.workout_id, w.start_time from club_member cm
        join workout w on w.owner_id = cm.athlete_id and not w.deleted
        left join athlete o on o.user_id = w.owner_id
        where cm.club_id = :club and cm.status = 'ACTIVE'
          and (w.start_time, w.workout_id) < (:start, :after)
          and (w.owner_id = :me or (
                not exists (select 1 from block b
                            where (b.blocker_id = :me and b.blocked_id = w.owner_id)
                               or (b.blocker_id = w.owner_id and b.blocked_id = :me))
            and not exists (select 1 from mute m where m.muter_id = :me and m.muted_id = w.owner_id)
            and ((w.visibility = 'public' and not coalesce(o.account_private, false))
                 or (w.visibility in ('public', 'followers') and exists (
                       select 1 from follow f where f.follower_id = :me
                         and f.user_id = w.owner_id and f.status = 'APPROVED')))))
        order by w.start_time desc, w.workout_id desc limit :limit
      )
      """
          + PAGE_ITEMS;

  /** After the newest possible item: the first page. */
  private static final After FIRST =
      new After(Instant.parse("9999-12-31T23:59:59Z"), new UUID(-1, -1));

  private final JdbcClient jdbc;
  private final FeedRows rows;
  private final PersonalRecords records;

  Feed(JdbcClient jdbc, FeedRows rows, PersonalRecords records) {
    this.jdbc = jdbc;
    this.rows = rows;
    this.records = records;
  }

  @Transactional(readOnly = true)
  Page<FeedItem> home(UUID reader, String cursor, int limit) {
    After after = Cursor.decode(cursor, key -> new After(key.instant(), key.uuid()));
    After from = after == null ? FIRST : after;
    List<FeedItem> fetched =
        jdbc.sql(ITEMS)
            .param("me", reader)
            .param("start", Timestamp.from(from.start()))
            .param("after", from.workoutId())
            .param("fanOutLimit", rows.fanOutLimit())
            .param("limit", limit + 1)
            .query(Feed::item)
            .list();
    fetched = records.attachTo(fetched);
    return Page.of(fetched, limit, item -> Cursor.of(item.startTime(), item.workoutId()));
  }

  /**
   * A club's feed: its members' workouts that the reader may see (workout-service's rules, blocks
   * and mutes), newest first. A private club's feed is its members' only (404 for others).
   */
  @Transactional(readOnly = true)
  Page<FeedItem> club(UUID reader, UUID clubId, String cursor, int limit) {
    boolean readable =
        jdbc.sql(
                "select exists (select 1 from club c where c.club_id = :club and (not c.private"
                    + " or exists (select 1 from club_member m where m.club_id = c.club_id and"
                    + " m.athlete_id = :me and m.status = 'ACTIVE')))")
            .param("club", clubId)
            .param("me", reader)
            .query(Boolean.class)
            .single();
    if (!readable) {
      throw new NotFoundException("No club " + clubId + " whose feed you may read");
    }
    After after = Cursor.decode(cursor, key -> new After(key.instant(), key.uuid()));
    After from = after == null ? FIRST : after;
    List<FeedItem> fetched =
        jdbc.sql(CLUB_ITEMS)
            .param("me", reader)
            .param("club", clubId)
            .param("start", Timestamp.from(from.start()))
            .param("after", from.workoutId())
            .param("limit", limit + 1)
            .query(Feed::item)
            .list();
    fetched = records.attachTo(fetched);
    return Page.of(fetched, limit, item -> Cursor.of(item.startTime(), item.workoutId()));
  }

  private static FeedItem item(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new FeedItem(
        rs.getObject("workout_id", UUID.class),
        new FeedItem.Athlete(
            rs.getObject("owner_id", UUID.class),
            rs.getString("display_name"),
            rs.getString("avatar_url")),
        rs.getString("sport"),
        rs.getString("title"),
        rs.getTimestamp("start_time").toInstant(),
        rs.getLong("elapsed_seconds"),
        rs.getObject("moving_seconds", Long.class),
        rs.getObject("distance_m", Double.class),
        rs.getObject("elevation_gain_m", Double.class),
        rs.getString("visibility"),
        rs.getLong("kudos"),
        rs.getLong("comments"),
        rs.getBoolean("gave"),
        List.of());
  }
}
