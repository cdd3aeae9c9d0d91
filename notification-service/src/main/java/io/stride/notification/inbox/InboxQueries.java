package io.stride.notification.inbox;

import io.stride.notification.inbox.NotificationView.Actor;
import io.stride.notification.people.Persons;
import io.stride.notification.people.Persons.Names;
import io.stride.notification.stream.StreamContent;
import io.stride.notification.types.NotificationTexts;
import io.stride.notification.types.NotificationTexts.Text;
import io.stride.notification.types.NotificationType;
import io.stride.notification.types.NotificationTypes;
import io.stride.platform.paging.Cursor;
import io.stride.platform.paging.Page;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads a person's inbox: newest first, cursor paged, in words of the reader's language. */
@Service
public class InboxQueries implements StreamContent {

  private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() {};

  private record After(Instant updatedAt, UUID id) {}

  private record Row(
      UUID id,
      String type,
      UUID actorId,
      int actorCount,
      UUID subjectId,
      Map<String, String> data,
      Instant createdAt,
      Instant updatedAt,
      boolean read) {}

  private static final String COLUMNS =
      "select notification_id, type, actor_id, actor_count, subject_id, data::text, created_at,"
          + " updated_at, read_at is not null as read from notification ";

  private final JdbcClient jdbc;
  private final Persons persons;
  private final NotificationTypes types;
  private final NotificationTexts texts;
  private final JsonMapper json;

  InboxQueries(
      JdbcClient jdbc,
      Persons persons,
      NotificationTypes types,
      NotificationTexts texts,
      JsonMapper json) {
    this.jdbc = jdbc;
    this.persons = persons;
    this.types = types;
    this.texts = texts;
    this.json = json;
  }

  @Transactional(readOnly = true)
  public Page<NotificationView> page(UUID userId, String cursor, int limit, Locale locale) {
    After after = Cursor.decode(cursor, key -> new After(key.instant(), key.uuid()));
    List<Row> rows =
        jdbc.sql(
                COLUMNS
                    + "where user_id = :user and in_app and (cast(:at as timestamptz) is null or"
                    + " (updated_at, notification_id) < (cast(:at as timestamptz), cast(:id as uuid))) order by updated_at desc,"
                    + " notification_id desc limit :limit")
            .param("user", userId)
            .param("at", after == null ? null : Timestamp.from(after.updatedAt()))
            .param("id", after == null ? null : after.id())
            .param("limit", limit + 1)
            .query(this::row)
            .list();
    Page<Row> page = Page.of(rows, limit, row -> Cursor.of(row.updatedAt(), row.id()));
    return new Page<>(views(page.items(), locale), page.nextCursor());
  }

  /** One notification of the person, as the inbox shows it; empty when not theirs or gone. */
  @Transactional(readOnly = true)
  public Optional<NotificationView> one(UUID userId, UUID notificationId, Locale locale) {
    List<Row> rows =
        jdbc.sql(COLUMNS + "where notification_id = ? and user_id = ? and in_app")
            .params(notificationId, userId)
            .query(this::row)
            .list();
    return views(rows, locale).stream().findFirst();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<NotificationView> notification(UUID userId, UUID notificationId, Locale locale) {
    return one(userId, notificationId, locale);
  }

  @Override
  @Transactional(readOnly = true)
  public long unread(UUID userId) {
    return jdbc.sql(
            "select count(*) from notification where user_id = ? and in_app and read_at is null")
        .param(userId)
        .query(Long.class)
        .single();
  }

  private List<NotificationView> views(List<Row> rows, Locale locale) {
    Map<UUID, Names> names =
        persons.names(rows.stream().map(Row::actorId).filter(Objects::nonNull).toList());
    List<NotificationView> views = new ArrayList<>();
    for (Row row : rows) {
      NotificationType type = types.get(row.type());
      Names actor = row.actorId() == null ? null : names.get(row.actorId());
      Text text =
          texts.render(
              type,
              actor == null ? null : actor.displayName(),
              row.actorCount(),
              row.data(),
              locale);
      views.add(
          new NotificationView(
              row.id(),
              row.type(),
              text.title(),
              text.body(),
              row.actorId() == null
                  ? null
                  : new Actor(
                      row.actorId(),
                      actor == null ? null : actor.displayName(),
                      actor == null ? null : actor.avatarUrl()),
              row.actorCount(),
              row.subjectId(),
              type.linkFor(row.subjectId(), row.actorId()),
              row.createdAt(),
              row.updatedAt(),
              row.read()));
    }
    return views;
  }

  private Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Row(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        rs.getObject(3, UUID.class),
        rs.getInt(4),
        rs.getObject(5, UUID.class),
        json.readValue(rs.getString(6), DATA),
        rs.getTimestamp(7).toInstant(),
        rs.getTimestamp(8).toInstant(),
        rs.getBoolean(9));
  }
}
