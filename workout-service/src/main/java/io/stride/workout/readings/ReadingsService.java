package io.stride.workout.readings;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.stride.platform.web.InvalidRequestException;
import io.stride.workout.athletes.Athletes;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tracker readings: exactly-once batch ingestion and daily aggregates. */
@Service
class ReadingsService {

  static final int MAX_DAYS = 366;

  private final JdbcClient jdbc;
  private final ReadingStore store;
  private final Athletes athletes;
  private final Clock clock;
  private final Counter samples;

  ReadingsService(
      JdbcClient jdbc, ReadingStore store, Athletes athletes, Clock clock, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.store = store;
    this.athletes = athletes;
    this.clock = clock;
    this.samples =
        Counter.builder("stride.readings.samples.stored")
            .description("Tracker samples stored (duplicates excluded)")
            .register(meters);
  }

  /**
   * Stores a batch once: the batch number and the samples commit together, so a retry after a lost
   * answer finds the batch and stores nothing, and a retry after a failure stores it all.
   */
  @Transactional
  ReadingBatchResponse ingest(UUID user, ReadingBatchRequest request) {
    ReadingRules.ParsedBatch batch = ReadingRules.check(request, clock.instant());
    ReadingStore.Stored stored =
        store.insert(
            user,
            request.deviceId(),
            request.batch(),
            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
            batch);
    samples.increment(stored.samples());
    return new ReadingBatchResponse(
        request.batch(), batch.size(), stored.samples(), !stored.newBatch());
  }

  /**
   * Per day in the athlete's time zone, {@code from} to {@code to} inclusive: steps (the device
   * that counted most that day, so a watch and a phone are not added up), resting heart rate (the
   * day's 5th percentile), average and maximum heart rate, last weight.
   */
  @Transactional(readOnly = true)
  List<DailyReadings> daily(UUID user, LocalDate from, LocalDate to) {
    if (from == null || to == null || to.isBefore(from)) {
      throw InvalidRequestException.of("to", "from and to are dates with from <= to");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw InvalidRequestException.of("to", "at most " + MAX_DAYS + " days at a time");
    }
    ZoneId zone = athletes.of(user).timeZone();
    return jdbc.sql(
            """
            with day_rows as (
              select (time at time zone :zone)::date as day, device_id, type, value, time
              from reading
              where user_id = :user and type in (1, 2, 8)
                and time >= :start and time < :end
            ),
            steps as (
              select day, max(device_steps) as steps
              from (select day, device_id, sum(value) as device_steps
                    from day_rows where type = 2 group by day, device_id) per_device
              group by day
            ),
            heart as (
              select day,
                     percentile_cont(0.05) within group (order by value) as resting,
                     avg(value) as average, max(value) as maximum
              from day_rows where type = 1 group by day
            ),
            weight as (
              select distinct on (day) day, value as weight
              from day_rows where type = 8 order by day, time desc
            )
            select coalesce(s.day, h.day, w.day) as day, s.steps, h.resting, h.average, h.maximum,
                   w.weight
            from steps s
            full join heart h on h.day = s.day
            full join weight w on w.day = coalesce(s.day, h.day)
            order by 1
            """)
        .param("zone", zone.getId())
        .param("user", user)
        .param("start", from.atStartOfDay(zone).toOffsetDateTime())
        .param("end", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
        .query(
            (rs, row) ->
                new DailyReadings(
                    rs.getObject("day", LocalDate.class),
                    rounded(rs.getObject("steps", Double.class)),
                    rounded(rs.getObject("resting", Double.class)),
                    rounded(rs.getObject("average", Double.class)),
                    rounded(rs.getObject("maximum", Double.class)),
                    rs.getObject("weight", Double.class)))
        .list();
  }

  private static Long rounded(Double value) {
    return value == null ? null : Math.round(value);
  }
}
