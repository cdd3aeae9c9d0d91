package io.stride.social.interactions;

import io.stride.contracts.social.CommentAdded;
import io.stride.platform.events.EventPublisher;
import io.stride.platform.idempotency.IdempotencyKeys;
import io.stride.platform.paging.Cursor;
import io.stride.platform.paging.Page;
import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.NotFoundException;
import io.stride.platform.web.TooManyRequestsException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on workouts the author may see: plain text, mentions resolved to athletes the author may
 * see who may see the workout too, edited and deleted by their author, deleted by the workout's
 * owner too, at most {@link #PER_MINUTE} a minute and {@link #PER_HOUR} an hour per author. Read
 * oldest first, without the comments of anyone in a block with the reader.
 */
@Service
class Comments {

  static final int PER_MINUTE = 10;
  static final int PER_HOUR = 100;

  private record After(Instant createdAt, UUID commentId) {}

  private record Row(
      UUID commentId,
      UUID workoutId,
      CommentResponse.Athlete author,
      String text,
      Instant createdAt,
      Instant editedAt) {}

  private final JdbcClient jdbc;
  private final WorkoutAccess access;
  private final EventPublisher events;
  private final IdempotencyKeys idempotency;
  private final Clock clock;

  Comments(
      JdbcClient jdbc,
      WorkoutAccess access,
      EventPublisher events,
      IdempotencyKeys idempotency,
      Clock clock) {
    this.jdbc = jdbc;
    this.access = access;
    this.events = events;
    this.idempotency = idempotency;
    this.clock = clock;
  }

  @Transactional
  CommentResponse add(UUID author, UUID workoutId, CommentRequest request, String key) {
    String text = textOf(request);
    UUID owner = access.ownerIfVisible(author, workoutId);
    UUID id =
        idempotency.createOnce(
            author,
            "comment",
            key,
            workoutId + "\n" + text + "\n" + request.mentionsOrNone(),
            () -> insert(author, owner, workoutId, text, request.mentionsOrNone()));
    return one(workoutId, id);
  }

  @Transactional
  CommentResponse edit(UUID author, UUID workoutId, UUID commentId, CommentRequest request) {
    String text = textOf(request);
    access.ownerIfVisible(author, workoutId);
    int edited =
        jdbc.sql(
                "update comment set text = ?, edited_at = ? where comment_id = ? and workout_id = ?"
                    + " and author_id = ?")
            .params(text, Timestamp.from(now()), commentId, workoutId, author)
            .update();
    if (edited == 0) {
      throw new NotFoundException("No comment " + commentId + " of yours on this workout");
    }
    jdbc.sql("delete from comment_mention where comment_id = ?").param(commentId).update();
    mention(commentId, author, workoutId, request.mentionsOrNone());
    return one(workoutId, commentId);
  }

  /** By its author, or by the owner of the workout it is on. */
  @Transactional
  void delete(UUID viewer, UUID workoutId, UUID commentId) {
    UUID owner = access.ownerIfVisible(viewer, workoutId);
    int deleted =
        jdbc.sql(
                "delete from comment where comment_id = ? and workout_id = ?"
                    + " and (author_id = ? or ? = ?)")
            .params(commentId, workoutId, viewer, owner, viewer)
            .update();
    if (deleted == 0) {
      throw new NotFoundException(
          "No comment " + commentId + " you may delete: your own, or any on your workout");
    }
    jdbc.sql("update workout set comments = greatest(comments - 1, 0) where workout_id = ?")
        .param(workoutId)
        .update();
  }

  @Transactional(readOnly = true)
  Page<CommentResponse> list(UUID viewer, UUID workoutId, String cursor, int limit) {
    access.ownerIfVisible(viewer, workoutId);
    After after = Cursor.decode(cursor, key -> new After(key.instant(), key.uuid()));
    List<Row> rows =
        rows(
            "c.workout_id = :workout"
                + (after == null ? "" : " and (c.created_at, c.comment_id) > (:at, :after)")
                + " and not exists (select 1 from block b where (b.blocker_id = :viewer and"
                + " b.blocked_id = c.author_id) or (b.blocker_id = c.author_id and"
                + " b.blocked_id = :viewer))"
                + " order by c.created_at, c.comment_id limit :limit",
            Map.of(
                "workout",
                workoutId,
                "viewer",
                viewer,
                "at",
                after == null ? Timestamp.from(Instant.EPOCH) : Timestamp.from(after.createdAt()),
                "after",
                after == null ? viewer : after.commentId(),
                "limit",
                limit + 1));
    Page<Row> page = Page.of(rows, limit, row -> Cursor.of(row.createdAt(), row.commentId()));
    return new Page<>(withMentions(page.items()), page.nextCursor());
  }

  private UUID insert(UUID author, UUID owner, UUID workoutId, String text, List<UUID> mentions) {
    checkRate(author);
    UUID id = UUID.randomUUID();
    Instant now = now();
    jdbc.sql(
            "insert into comment (comment_id, workout_id, author_id, text, created_at)"
                + " values (?, ?, ?, ?, ?)")
        .params(id, workoutId, author, text, Timestamp.from(now))
        .update();
    List<UUID> mentioned = mention(id, author, workoutId, mentions);
    jdbc.sql("update workout set comments = comments + 1 where workout_id = ?")
        .param(workoutId)
        .update();
    events.publish(new CommentAdded(id, workoutId, owner, author, text, mentioned, now));
    return id;
  }

  /**
   * Keeps the mentioned athletes the author may see (known here, no block either way) who may see
   * the workout too: each is told of the comment ({@code CommentAdded.mentionedIds}), so a mention
   * must never point anyone to a workout they may not see.
   */
  private List<UUID> mention(UUID commentId, UUID author, UUID workoutId, List<UUID> wanted) {
    if (wanted.isEmpty()) {
      return List.of();
    }
    Set<UUID> mayView = access.whoMayView(wanted, workoutId);
    List<UUID> kept =
        jdbc
            .sql(
                "select a.user_id from athlete a where a.user_id in (:ids) and not exists (select"
                    + " 1 from block b where (b.blocker_id = :author and b.blocked_id = a.user_id)"
                    + " or (b.blocker_id = a.user_id and b.blocked_id = :author)) order by a.user_id")
            .param("ids", wanted)
            .param("author", author)
            .query(UUID.class)
            .list()
            .stream()
            .filter(mayView::contains)
            .toList();
    for (UUID athlete : kept) {
      jdbc.sql("insert into comment_mention (comment_id, athlete_id) values (?, ?)")
          .params(commentId, athlete)
          .update();
    }
    return kept;
  }

  private void checkRate(UUID author) {
    Instant now = now();
    long lastMinute = countSince(author, now.minus(Duration.ofMinutes(1)));
    long lastHour = countSince(author, now.minus(Duration.ofHours(1)));
    if (lastMinute >= PER_MINUTE || lastHour >= PER_HOUR) {
      throw new TooManyRequestsException(
          "At most "
              + PER_MINUTE
              + " comments a minute and "
              + PER_HOUR
              + " an hour; try again later",
          lastMinute >= PER_MINUTE ? Duration.ofMinutes(1) : Duration.ofMinutes(10));
    }
  }

  private long countSince(UUID author, Instant since) {
    return jdbc.sql("select count(*) from comment where author_id = ? and created_at > ?")
        .params(author, Timestamp.from(since))
        .query(Long.class)
        .single();
  }

  private CommentResponse one(UUID workoutId, UUID commentId) {
    List<Row> rows =
        rows(
            "c.comment_id = :id and c.workout_id = :workout",
            Map.of("id", commentId, "workout", workoutId));
    return withMentions(rows).get(0);
  }

  private List<Row> rows(String where, Map<String, Object> params) {
    return jdbc.sql(
            "select c.comment_id, c.workout_id, c.author_id, a.display_name, a.avatar_url, c.text,"
                + " c.created_at, c.edited_at from comment c left join athlete a on a.user_id ="
                + " c.author_id where "
                + where)
        .params(params)
        .query(
            (rs, row) ->
                new Row(
                    rs.getObject("comment_id", UUID.class),
                    rs.getObject("workout_id", UUID.class),
                    new CommentResponse.Athlete(
                        rs.getObject("author_id", UUID.class),
                        rs.getString("display_name"),
                        rs.getString("avatar_url")),
                    rs.getString("text"),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("edited_at") == null
                        ? null
                        : rs.getTimestamp("edited_at").toInstant()))
        .list();
  }

  private List<CommentResponse> withMentions(List<Row> rows) {
    Map<UUID, List<CommentResponse.Athlete>> mentions = new HashMap<>();
    if (!rows.isEmpty()) {
      jdbc.sql(
              "select m.comment_id, a.user_id, a.display_name, a.avatar_url from comment_mention m"
                  + " join athlete a on a.user_id = m.athlete_id where m.comment_id in (:ids)"
                  + " order by a.display_name, a.user_id")
          .param("ids", rows.stream().map(Row::commentId).toList())
          .query(
              (rs, row) -> {
                mentions
                    .computeIfAbsent(
                        rs.getObject("comment_id", UUID.class), id -> new ArrayList<>())
                    .add(
                        new CommentResponse.Athlete(
                            rs.getObject("user_id", UUID.class),
                            rs.getString("display_name"),
                            rs.getString("avatar_url")));
                return null;
              })
          .list();
    }
    return rows.stream()
        .map(
            row ->
                new CommentResponse(
                    row.commentId(),
                    row.workoutId(),
                    row.author(),
                    row.text(),
                    mentions.getOrDefault(row.commentId(), List.of()),
                    row.createdAt(),
                    row.editedAt()))
        .toList();
  }

  private static String textOf(CommentRequest request) {
    String text = request.text().strip();
    if (text.isEmpty()) {
      throw InvalidRequestException.of("text", "must hold more than white space");
    }
    return text;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
