package io.stride.analytics.kpis;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Platform KPIs for the business dashboard, with bounded labels only: active athletes (a workout
 * started in the last day, 7 days, 30 days; {@code stride_analytics_active_athletes{window}}),
 * refreshed every minute from the workout copies, and workouts recorded by sport and by the
 * athlete's country ({@code stride_analytics_workouts_recorded_total{sport, country}}; the country
 * is the region's first two letters, {@code none} without one). Every replica reports the same
 * gauges (the dashboard takes the max) and counts what it consumed (the dashboard sums).
 */
@Component
public class PlatformKpis {

  private static final Logger log = LoggerFactory.getLogger(PlatformKpis.class);
  private static final Pattern SPORT = Pattern.compile("[a-z_]{1,32}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  private final JdbcClient jdbc;
  private final MeterRegistry meters;
  private final Map<String, AtomicLong> active =
      Map.of("day", new AtomicLong(), "week", new AtomicLong(), "month", new AtomicLong());

  PlatformKpis(JdbcClient jdbc, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.meters = meters;
    active.forEach(
        (window, value) ->
            Gauge.builder("stride.analytics.active.athletes", value, AtomicLong::get)
                .description("Athletes with a workout started in the last day, week or month")
                .tag("window", window)
                .register(meters));
  }

  @Scheduled(
      initialDelayString = "${stride.analytics.kpis.initial-delay:PT0S}",
      fixedDelayString = "${stride.analytics.kpis.interval:PT1M}")
  void refresh() {
    try {
      jdbc.sql(
              """
              select count(distinct owner_id) filter (where start_time >= now() - interval '1 day'),
                     count(distinct owner_id) filter (where start_time >= now() - interval '7 days'),
                     count(distinct owner_id)
              from workout where not deleted and start_time >= now() - interval '30 days'
                and start_time <= now() + interval '1 day'
              """)
          .query(
              (RowCallbackHandler)
                  rs -> {
                    active.get("day").set(rs.getLong(1));
                    active.get("week").set(rs.getLong(2));
                    active.get("month").set(rs.getLong(3));
                  });
    } catch (RuntimeException e) {
      log.warn("Counting active athletes failed; the next run tries again", e);
    }
  }

  /** A new workout of an athlete of {@code region} (null for none) was taken in. */
  public void recorded(String sport, String region) {
    String country =
        region == null || region.length() < 2
            ? "none"
            : region.substring(0, 2).toUpperCase(Locale.ROOT);
    meters
        .counter(
            "stride.analytics.workouts.recorded",
            "sport",
            sport != null && SPORT.matcher(sport).matches() ? sport : "other",
            "country",
            COUNTRY.matcher(country).matches() ? country : "none")
        .increment();
  }
}
