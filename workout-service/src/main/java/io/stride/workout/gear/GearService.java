package io.stride.workout.gear;

import io.stride.contracts.workout.GearDistanceReached;
import io.stride.platform.events.EventPublisher;
import io.stride.platform.idempotency.IdempotencyKeys;
import io.stride.platform.paging.Cursor;
import io.stride.platform.paging.Page;
import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.InvalidRequestException.FieldError;
import io.stride.platform.web.NotFoundException;
import io.stride.workout.metrics.Sport;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * An athlete's gear (ADR 0032): what they own, the default per sport a new workout gets, totals
 * summed over the workouts that name each piece, and the reminder when a piece reaches the distance
 * the athlete set (once per distance set, however many workouts race past it at once).
 */
@Service
public class GearService {

  /** Bounds what one athlete keeps (retired gear included). */
  static final int MAX_GEAR = 200;

  private static final String COLUMNS =
      "g.id, g.kind, g.name, g.brand, g.model, g.retired_on, g.reminder_m, g.reminded_at,"
          + " g.created_at, g.updated_at";

  private record Row(
      UUID id,
      GearKind kind,
      String name,
      @Nullable String brand,
      @Nullable String model,
      @Nullable LocalDate retiredOn,
      @Nullable Double reminderMeters,
      @Nullable Instant remindedAt,
      Instant createdAt,
      Instant updatedAt) {}

  private record Totals(double meters, long movingSeconds, long workouts) {
    static final Totals NONE = new Totals(0, 0, 0);
  }

  private final JdbcClient jdbc;
  private final IdempotencyKeys idempotency;
  private final EventPublisher events;
  private final JsonMapper json;
  private final Clock clock;

  GearService(
      JdbcClient jdbc,
      IdempotencyKeys idempotency,
      EventPublisher events,
      JsonMapper json,
      Clock clock) {
    this.jdbc = jdbc;
    this.idempotency = idempotency;
    this.events = events;
    this.json = json;
    this.clock = clock;
  }

  @Transactional
  GearResponse create(UUID owner, CreateGearRequest request, @Nullable String idempotencyKey) {
    GearKind kind = GearKind.fromApiName(request.kind());
    List<Sport> sports = sports(request.defaultFor());
    List<FieldError> errors = new ArrayList<>();
    if (kind == null) {
      errors.add(new FieldError("kind", "must be shoes, bike or other"));
    }
    if (request.name().isBlank()) {
      errors.add(new FieldError("name", "must not be blank"));
    }
    retiredOn(request.retiredOn(), errors);
    if (request.retiredOn() != null && !sports.isEmpty()) {
      errors.add(new FieldError("defaultFor", "retired gear cannot be a sport's default"));
    }
    throwIfAny(errors);
    UUID id =
        idempotency.createOnce(
            owner,
            "gear",
            idempotencyKey,
            json.writeValueAsString(request),
            () -> insert(owner, kind, request, sports));
    return get(owner, id);
  }

  private UUID insert(UUID owner, GearKind kind, CreateGearRequest request, List<Sport> sports) {
    long held =
        jdbc.sql("select count(*) from gear where owner_id = :owner")
            .param("owner", owner)
            .query(Long.class)
            .single();
    if (held >= MAX_GEAR) {
      throw InvalidRequestException.of(
          "kind", "you keep " + MAX_GEAR + " pieces of gear already; delete one first");
    }
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    jdbc.sql(
            """
            insert into gear (id, owner_id, kind, name, brand, model, retired_on, reminder_m,
                              created_at, updated_at)
            values (:id, :owner, :kind, :name, :brand, :model, :retiredOn, :reminder, :now, :now)
            """)
        .param("id", id)
        .param("owner", owner)
        .param("kind", kind.apiName())
        .param("name", request.name().trim())
        .param("brand", blankToNull(request.brand()))
        .param("model", blankToNull(request.model()))
        .param("retiredOn", request.retiredOn())
        .param("reminder", request.reminderMeters())
        .param("now", java.sql.Timestamp.from(now))
        .update();
    makeDefault(owner, id, sports);
    return id;
  }

  /** The caller's gear, oldest first (the order they got it); {@code retired} filters. */
  @Transactional(readOnly = true)
  Page<GearResponse> list(
      UUID owner, @Nullable Boolean retired, @Nullable String cursor, int limit) {
    record End(Instant createdAt, UUID id) {}
    End after = Cursor.decode(cursor, key -> new End(key.instant(), key.uuid()));
    List<Row> rows =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from gear g where g.owner_id = :owner"
                    + (after == null ? "" : " and (g.created_at, g.id) > (:afterTime, :afterId)")
                    + (retired == null
                        ? ""
                        : retired ? " and g.retired_on is not null" : " and g.retired_on is null")
                    + " order by g.created_at, g.id limit :limit")
            .param("owner", owner)
            .param("afterTime", after == null ? null : java.sql.Timestamp.from(after.createdAt()))
            .param("afterId", after == null ? null : after.id())
            .param("limit", limit + 1)
            .query(GearService::row)
            .list();
    List<UUID> ids = rows.stream().map(Row::id).toList();
    Map<UUID, Totals> totals = totals(ids);
    Map<UUID, List<String>> defaults = defaults(ids);
    List<GearResponse> items =
        rows.stream()
            .map(
                row ->
                    response(
                        row,
                        totals.getOrDefault(row.id(), Totals.NONE),
                        defaults.getOrDefault(row.id(), List.of())))
            .toList();
    return Page.of(items, limit, item -> Cursor.of(item.createdAt(), item.id()));
  }

  @Transactional(readOnly = true)
  GearResponse get(UUID owner, UUID id) {
    Row row = owned(owner, id);
    return response(
        row,
        totals(List.of(id)).getOrDefault(id, Totals.NONE),
        defaults(List.of(id)).getOrDefault(id, List.of()));
  }

  @Transactional
  GearResponse update(UUID owner, UUID id, UpdateGearRequest change) {
    Row row = owned(owner, id);
    List<Sport> sports = change.defaultFor() == null ? null : sports(change.defaultFor());
    List<FieldError> errors = new ArrayList<>();
    if (change.name() != null && change.name().isBlank()) {
      errors.add(new FieldError("name", "must not be blank"));
    }
    retiredOn(change.retiredOn(), errors);
    if (Boolean.FALSE.equals(change.retired()) && change.retiredOn() != null) {
      errors.add(new FieldError("retiredOn", "cannot be given with retired: false"));
    }
    LocalDate retiredOn =
        Boolean.FALSE.equals(change.retired())
            ? null
            : change.retiredOn() != null
                ? change.retiredOn()
                : Boolean.TRUE.equals(change.retired())
                    ? (row.retiredOn() != null ? row.retiredOn() : today())
                    : row.retiredOn();
    if (retiredOn != null && sports != null && !sports.isEmpty()) {
      errors.add(new FieldError("defaultFor", "retired gear cannot be a sport's default"));
    }
    throwIfAny(errors);
    Double reminder =
        change.reminderMeters() == null
            ? row.reminderMeters()
            : change.reminderMeters() == 0 ? null : change.reminderMeters();
    Instant now = clock.instant();
    Instant remindedAt = row.remindedAt();
    if (change.reminderMeters() != null) {
      // a new distance: reminded when the gear reaches it; already past it, the athlete knows
      double meters = totals(List.of(id)).getOrDefault(id, Totals.NONE).meters();
      remindedAt = reminder != null && meters >= reminder ? now : null;
    }
    jdbc.sql(
            """
            update gear set name = :name, brand = :brand, model = :model, retired_on = :retiredOn,
                            reminder_m = :reminder, reminded_at = :remindedAt, updated_at = :now
            where id = :id
            """)
        .param("id", id)
        .param("name", change.name() != null ? change.name().trim() : row.name())
        .param("brand", change.brand() != null ? blankToNull(change.brand()) : row.brand())
        .param("model", change.model() != null ? blankToNull(change.model()) : row.model())
        .param("retiredOn", retiredOn)
        .param("reminder", reminder)
        .param("remindedAt", remindedAt == null ? null : java.sql.Timestamp.from(remindedAt))
        .param("now", java.sql.Timestamp.from(now))
        .update();
    if (sports != null || retiredOn != null) {
      jdbc.sql("delete from gear_default where gear_id = :id").param("id", id).update();
    }
    if (sports != null) {
      makeDefault(owner, id, sports);
    }
    return get(owner, id);
  }

  /** Deletes the gear; its workouts keep everything but the gear. */
  @Transactional
  void delete(UUID owner, UUID id) {
    owned(owner, id);
    jdbc.sql("delete from gear where id = :id").param("id", id).update();
  }

  /**
   * The gear a new workout of {@code owner} gets: the one it names (422 if it is not theirs), or
   * the default for its sport, or none.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public @Nullable UUID forWorkout(UUID owner, Sport sport, @Nullable UUID named) {
    if (named != null) {
      checkOwned(owner, named);
      return named;
    }
    return jdbc.sql("select gear_id from gear_default where owner_id = :owner and sport = :sport")
        .param("owner", owner)
        .param("sport", sport.name())
        .query(UUID.class)
        .optional()
        .orElse(null);
  }

  /** 422 unless {@code gearId} is a piece of gear of {@code owner}'s. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void checkOwned(UUID owner, UUID gearId) {
    boolean theirs =
        jdbc.sql("select exists (select 1 from gear where id = :id and owner_id = :owner)")
            .param("id", gearId)
            .param("owner", owner)
            .query(Boolean.class)
            .single();
    if (!theirs) {
      throw InvalidRequestException.of("gearId", "you have no gear " + gearId);
    }
  }

  /**
   * After a workout that names {@code gearId} was written (its distance flushed): if the gear's
   * distance now reaches its reminder, the reminder is marked sent and {@code GearDistanceReached}
   * published, in one statement that only one of two racing transactions can win.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void distanceChanged(UUID gearId, UUID workoutId) {
    jdbc.sql(
            """
            update gear g set reminded_at = :now
            from (select coalesce(sum(distance_m), 0) meters from workout where gear_id = :id) t
            where g.id = :id and g.reminder_m is not null and g.reminded_at is null
              and t.meters >= g.reminder_m
            returning g.owner_id, g.name, g.kind, g.reminder_m, t.meters
            """)
        .param("id", gearId)
        .param("now", java.sql.Timestamp.from(clock.instant()))
        .query(
            (rs, n) ->
                new GearDistanceReached(
                    rs.getObject("owner_id", UUID.class),
                    gearId,
                    rs.getString("name"),
                    rs.getString("kind"),
                    workoutId,
                    rs.getDouble("meters"),
                    rs.getDouble("reminder_m")))
        .optional()
        .ifPresent(events::publish);
  }

  private void makeDefault(UUID owner, UUID id, List<Sport> sports) {
    for (Sport sport : sports) {
      jdbc.sql(
              """
              insert into gear_default (owner_id, sport, gear_id) values (:owner, :sport, :id)
              on conflict (owner_id, sport) do update set gear_id = excluded.gear_id
              """)
          .param("owner", owner)
          .param("sport", sport.name())
          .param("id", id)
          .update();
    }
  }

  private Row owned(UUID owner, UUID id) {
    return jdbc.sql("select " + COLUMNS + " from gear g where g.id = :id and g.owner_id = :owner")
        .param("id", id)
        .param("owner", owner)
        .query(GearService::row)
        .optional()
        .orElseThrow(() -> new NotFoundException("No gear " + id + " of yours."));
  }

  private Map<UUID, Totals> totals(List<UUID> ids) {
    Map<UUID, Totals> totals = new HashMap<>();
    if (ids.isEmpty()) {
      return totals;
    }
    jdbc.sql(
            """
            select gear_id, coalesce(sum(distance_m), 0) meters,
                   coalesce(sum(coalesce(moving_seconds, elapsed_seconds)), 0) moving, count(*) n
            from workout where gear_id = any(:ids) group by gear_id
            """)
        .param("ids", ids.toArray(UUID[]::new))
        .query(
            (ResultSet rs) -> {
              totals.put(
                  rs.getObject("gear_id", UUID.class),
                  new Totals(rs.getDouble("meters"), rs.getLong("moving"), rs.getLong("n")));
            });
    return totals;
  }

  private Map<UUID, List<String>> defaults(List<UUID> ids) {
    Map<UUID, List<String>> defaults = new HashMap<>();
    if (ids.isEmpty()) {
      return defaults;
    }
    jdbc.sql("select gear_id, sport from gear_default where gear_id = any(:ids) order by sport")
        .param("ids", ids.toArray(UUID[]::new))
        .query(
            (ResultSet rs) -> {
              defaults
                  .computeIfAbsent(rs.getObject("gear_id", UUID.class), k -> new ArrayList<>())
                  .add(Sport.valueOf(rs.getString("sport")).apiName());
            });
    return defaults;
  }

  private static List<Sport> sports(@Nullable List<String> names) {
    if (names == null) {
      return List.of();
    }
    List<Sport> sports = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      Sport sport = Sport.fromApiName(names.get(i));
      if (sport == null) {
        errors.add(new FieldError("defaultFor[" + i + "]", "unknown sport"));
      } else if (!sports.contains(sport)) {
        sports.add(sport);
      }
    }
    throwIfAny(errors);
    return sports;
  }

  private void retiredOn(@Nullable LocalDate day, List<FieldError> errors) {
    if (day != null && day.isAfter(today().plusDays(1))) {
      errors.add(new FieldError("retiredOn", "cannot be in the future"));
    }
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  private static GearResponse response(Row row, Totals totals, List<String> defaultFor) {
    return new GearResponse(
        row.id(),
        row.kind().apiName(),
        row.name(),
        row.brand(),
        row.model(),
        defaultFor,
        row.retiredOn(),
        row.reminderMeters(),
        row.remindedAt(),
        totals.meters(),
        totals.movingSeconds(),
        totals.workouts(),
        row.createdAt(),
        row.updatedAt());
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    java.sql.Date retired = rs.getDate("retired_on");
    java.sql.Timestamp reminded = rs.getTimestamp("reminded_at");
    Object reminder = rs.getObject("reminder_m");
    return new Row(
        rs.getObject("id", UUID.class),
        GearKind.fromApiName(rs.getString("kind")),
        rs.getString("name"),
        rs.getString("brand"),
        rs.getString("model"),
        retired == null ? null : retired.toLocalDate(),
        reminder == null ? null : ((Number) reminder).doubleValue(),
        reminded == null ? null : reminded.toInstant(),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }
}
