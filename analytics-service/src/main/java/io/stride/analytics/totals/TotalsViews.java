package io.stride.analytics.totals;

import io.stride.analytics.athletes.Athlete;
import io.stride.analytics.athletes.Athletes;
import io.stride.analytics.totals.TotalsResponses.Series;
import io.stride.analytics.totals.TotalsResponses.SportSeries;
import io.stride.analytics.totals.TotalsResponses.SportTotals;
import io.stride.analytics.totals.TotalsResponses.Totals;
import io.stride.analytics.totals.TotalsResponses.TotalsSeries;
import io.stride.analytics.totals.TotalsResponses.WeekComparison;
import io.stride.platform.regions.RegionSettingsCopy;
import io.stride.platform.web.InvalidRequestException;
import java.sql.Date;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Totals of the caller's workouts by local day, summed per request from the workout copies (one
 * index range of the athlete), bucketed by day, week, month or year.
 */
@Service
class TotalsViews {

  static final int MAX_BUCKETS = 2200;

  private final JdbcClient jdbc;
  private final Athletes athletes;
  private final RegionSettingsCopy regions;
  private final Clock clock;

  TotalsViews(JdbcClient jdbc, Athletes athletes, RegionSettingsCopy regions, Clock clock) {
    this.jdbc = jdbc;
    this.athletes = athletes;
    this.regions = regions;
    this.clock = clock;
  }

  TotalsSeries series(
      UUID userId, Period period, LocalDate from, LocalDate to, String sportFilter) {
    Athlete athlete = athletes.find(userId);
    DayOfWeek firstDay = regions.firstDayOfWeek(athlete.region());
    LocalDate end = to != null ? to : LocalDate.now(clock.withZone(athlete.zone()));
    LocalDate start = period.start(from != null ? from : period.defaultFrom(end), firstDay);
    if (end.isBefore(start)) {
      throw InvalidRequestException.of("to", "to must not be before from");
    }
    List<LocalDate> starts = new ArrayList<>();
    for (LocalDate bucket = start; !bucket.isAfter(end); bucket = period.next(bucket)) {
      if (starts.size() == MAX_BUCKETS) {
        throw InvalidRequestException.of(
            "from", "at most " + MAX_BUCKETS + " " + lower(period) + "s at a time");
      }
      starts.add(bucket);
    }
    LocalDate last = period.next(starts.get(starts.size() - 1)).minusDays(1);
    Accumulator overall = new Accumulator(starts.size());
    Map<String, Accumulator> sports = new TreeMap<>();
    for (DayRow row : buckets(userId, period, firstDay, start, last, sportFilter)) {
      int index = indexOf(starts, row.day());
      overall.add(index, row);
      sports.computeIfAbsent(row.sport(), s -> new Accumulator(starts.size())).add(index, row);
    }
    return new TotalsSeries(
        lower(period),
        start,
        last,
        athlete.zone().getId(),
        lower(firstDay),
        starts,
        overall.series(),
        sports.entrySet().stream()
            .map(e -> new SportSeries(e.getKey(), e.getValue().series()))
            .toList());
  }

  WeekComparison weeks(UUID userId) {
    Athlete athlete = athletes.find(userId);
    DayOfWeek firstDay = regions.firstDayOfWeek(athlete.region());
    LocalDate today = LocalDate.now(clock.withZone(athlete.zone()));
    LocalDate thisWeek = Period.WEEK.start(today, firstDay);
    LocalDate lastWeek = thisWeek.minusWeeks(1);
    LocalDate fourWeeks = thisWeek.minusWeeks(4);
    List<DayRow> rows = days(userId, fourWeeks, thisWeek.plusDays(6), null);
    return new WeekComparison(
        athlete.zone().getId(),
        lower(firstDay),
        totals(rows, thisWeek, thisWeek.plusDays(6), 1),
        totals(rows, lastWeek, thisWeek.minusDays(1), 1),
        totals(rows, fourWeeks, thisWeek.minusDays(1), 1),
        totals(rows, fourWeeks, thisWeek.minusDays(1), 4));
  }

  /** The totals per local day and sport. */
  private List<DayRow> days(UUID userId, LocalDate from, LocalDate to, String sport) {
    return totalsBy("local_day", userId, from, to, sport);
  }

  /** The totals per bucket and sport, summed by the database; each row's day is its bucket. */
  private List<DayRow> buckets(
      UUID userId, Period period, DayOfWeek firstDay, LocalDate from, LocalDate to, String sport) {
    return totalsBy(period.bucketSql(firstDay), userId, from, to, sport);
  }

  private List<DayRow> totalsBy(
      String bucket, UUID userId, LocalDate from, LocalDate to, String sport) {
    var query =
        jdbc.sql(
                "select "
                    + bucket
                    + """
                 , sport, count(*), coalesce(sum(distance_meters), 0),
                   coalesce(sum(moving_seconds), 0), coalesce(sum(elevation_gain), 0),
                   coalesce(sum(calories), 0)
                from workout
                where owner_id = :owner and not deleted and local_day between :from and :to
                """
                    + (sport == null ? "" : " and sport = :sport")
                    + " group by 1, 2")
            .param("owner", userId)
            .param("from", Date.valueOf(from))
            .param("to", Date.valueOf(to));
    if (sport != null) {
      query = query.param("sport", sport);
    }
    return query
        .query(
            (rs, n) ->
                new DayRow(
                    rs.getObject(1, LocalDate.class),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getDouble(4),
                    rs.getLong(5),
                    rs.getDouble(6),
                    rs.getLong(7)))
        .list();
  }

  private static Totals totals(List<DayRow> rows, LocalDate from, LocalDate to, int weeks) {
    Map<String, double[]> sports = new TreeMap<>();
    double[] all = new double[5];
    for (DayRow row : rows) {
      if (!row.day().isBefore(from) && !row.day().isAfter(to)) {
        row.addTo(all);
        row.addTo(sports.computeIfAbsent(row.sport(), s -> new double[5]));
      }
    }
    return new Totals(
        from,
        to,
        per(all[0], weeks),
        per(all[1], weeks),
        per(all[2], weeks),
        per(all[3], weeks),
        per(all[4], weeks),
        sports.entrySet().stream()
            .map(
                e -> {
                  double[] t = e.getValue();
                  return new SportTotals(
                      e.getKey(),
                      per(t[0], weeks),
                      per(t[1], weeks),
                      per(t[2], weeks),
                      per(t[3], weeks),
                      per(t[4], weeks));
                })
            .toList());
  }

  private static int indexOf(List<LocalDate> starts, LocalDate start) {
    int low = 0;
    int high = starts.size() - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int order = starts.get(middle).compareTo(start);
      if (order == 0) {
        return middle;
      }
      if (order < 0) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    throw new IllegalStateException("no bucket starts on " + start);
  }

  private static double per(double total, int weeks) {
    return Math.round(total / weeks * 10) / 10.0;
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** One local day's totals of one sport. */
  private record DayRow(
      LocalDate day,
      String sport,
      int workouts,
      double distance,
      long moving,
      double elevation,
      long calories) {

    void addTo(double[] totals) {
      totals[0] += workouts;
      totals[1] += distance;
      totals[2] += moving;
      totals[3] += elevation;
      totals[4] += calories;
    }
  }

  /** Zero-filled arrays of one series, filled bucket by bucket. */
  private static final class Accumulator {
    private final int[] workouts;
    private final double[] distance;
    private final long[] moving;
    private final double[] elevation;
    private final long[] calories;

    Accumulator(int buckets) {
      workouts = new int[buckets];
      distance = new double[buckets];
      moving = new long[buckets];
      elevation = new double[buckets];
      calories = new long[buckets];
    }

    void add(int index, DayRow row) {
      workouts[index] += row.workouts();
      distance[index] += row.distance();
      moving[index] += row.moving();
      elevation[index] += row.elevation();
      calories[index] += row.calories();
    }

    Series series() {
      return new Series(
          Arrays.stream(workouts).boxed().toList(),
          Arrays.stream(distance).map(d -> Math.round(d * 10) / 10.0).boxed().toList(),
          Arrays.stream(moving).boxed().toList(),
          Arrays.stream(elevation).map(d -> Math.round(d * 10) / 10.0).boxed().toList(),
          Arrays.stream(calories).boxed().toList());
    }
  }
}
