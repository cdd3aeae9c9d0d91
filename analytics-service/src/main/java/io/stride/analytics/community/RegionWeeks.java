package io.stride.analytics.community;

import io.stride.platform.regions.RegionSettingsCopy;
import io.stride.platform.web.NotFoundException;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A region's week in a sport, for athletes other than those counted: public workouts of public
 * accounts of the region (a country includes its subdivisions), shown from 10 athletes on.
 */
@Service
class RegionWeeks {

  /** k of k-anonymity: fewer athletes than this and nothing is shown. */
  static final int MINIMUM_ATHLETES = 10;

  private final JdbcClient jdbc;
  private final RegionSettingsCopy regions;

  RegionWeeks(JdbcClient jdbc, RegionSettingsCopy regions) {
    this.jdbc = jdbc;
    this.regions = regions;
  }

  RegionWeekResponse week(String region, String sport, LocalDate day) {
    if (!regions.knows(region)) {
      throw new NotFoundException("No region " + region + " is known");
    }
    DayOfWeek firstDay = regions.firstDayOfWeek(region);
    LocalDate from = day.with(TemporalAdjusters.previousOrSame(firstDay));
    LocalDate to = from.plusDays(6);
    Totals totals =
        jdbc.sql(
                """
                select count(distinct w.owner_id), count(*), coalesce(sum(w.distance_meters), 0),
                       coalesce(sum(w.moving_seconds), 0)
                from workout w join athlete a on a.user_id = w.owner_id
                where not w.deleted and w.visibility = 'public' and w.sport = :sport
                  and w.local_day between :from and :to
                  and not a.account_private
                  and (a.region = :region or a.region like :subdivisions)
                """)
            .param("sport", sport)
            .param("from", Date.valueOf(from))
            .param("to", Date.valueOf(to))
            .param("region", region)
            .param("subdivisions", region + "-%")
            .query(
                (rs, n) -> new Totals(rs.getInt(1), rs.getInt(2), rs.getDouble(3), rs.getLong(4)))
            .single();
    if (totals.athletes() < MINIMUM_ATHLETES) {
      return new RegionWeekResponse(
          region, sport, from, to, MINIMUM_ATHLETES, true, null, null, null, null, null, null);
    }
    double average = Math.round(totals.distance() / totals.athletes() * 10) / 10.0;
    return new RegionWeekResponse(
        region,
        sport,
        from,
        to,
        MINIMUM_ATHLETES,
        false,
        totals.athletes(),
        totals.workouts(),
        Math.round(totals.distance() * 10) / 10.0,
        totals.moving(),
        average,
        String.format(
            Locale.ROOT,
            "%d athletes in %s averaged %.1f km (%s) in the week from %s",
            totals.athletes(),
            region,
            average / 1000,
            sport,
            from));
  }

  private record Totals(int athletes, int workouts, double distance, long moving) {}
}
