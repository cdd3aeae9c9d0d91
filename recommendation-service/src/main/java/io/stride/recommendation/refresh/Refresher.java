package io.stride.recommendation.refresh;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stride.recommendation.athletes.ActivityProfile;
import io.stride.recommendation.athletes.Athletes;
import io.stride.recommendation.athletes.Workouts;
import io.stride.recommendation.groups.GroupLists;
import io.stride.recommendation.people.PeopleLists;
import io.stride.recommendation.training.TrainingSuggestions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the lists of athletes that are due, one athlete per transaction; replicas share the
 * work ({@code for update skip locked}). A failed athlete is due again a minute later; lists older
 * than the maximum age are made due without an event.
 */
@Component
class Refresher {

  private static final Logger log = LoggerFactory.getLogger(Refresher.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Athletes athletes;
  private final Workouts workouts;
  private final PeopleLists people;
  private final GroupLists groups;
  private final TrainingSuggestions training;
  private final RefreshProperties properties;
  private final Clock clock;
  private final Timer timer;
  private final Counter failures;

  Refresher(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      Athletes athletes,
      Workouts workouts,
      PeopleLists people,
      GroupLists groups,
      TrainingSuggestions training,
      RefreshProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.athletes = athletes;
    this.workouts = workouts;
    this.people = people;
    this.groups = groups;
    this.training = training;
    this.properties = properties;
    this.clock = clock;
    this.timer =
        Timer.builder("stride_recommendation_refresh")
            .description("Recomputing one athlete's lists (people, challenges, clubs, training)")
            .publishPercentileHistogram()
            .register(meters);
    this.failures =
        Counter.builder("stride_recommendation_refresh_failures_total")
            .description("Athletes whose lists could not be recomputed (tried again later)")
            .register(meters);
    Gauge.builder("stride_recommendation_refresh_due", this, Refresher::dueNow)
        .description("Athletes whose lists are due for recomputing")
        .register(meters);
  }

  @Scheduled(fixedDelayString = "${stride.recommendation.refresh.interval}")
  void run() {
    for (int i = 0; i < properties.batch(); i++) {
      if (!refreshNext()) {
        return;
      }
    }
  }

  /** Recomputes the next athlete due; false when none is. */
  boolean refreshNext() {
    UUID[] current = {null};
    try {
      return Boolean.TRUE.equals(
          transactions.execute(
              status -> {
                Optional<UUID> next =
                    jdbc.sql(
                            """
                            select user_id from refresh where due_at <= ?
                            order by due_at limit 1 for update skip locked
                            """)
                        .param(Timestamp.from(clock.instant()))
                        .query(UUID.class)
                        .optional();
                next.ifPresent(
                    user -> {
                      current[0] = user;
                      refresh(user);
                    });
                return next.isPresent();
              }));
    } catch (RuntimeException e) {
      failures.increment();
      log.warn("Recomputing an athlete's lists failed; trying again in a minute", e);
      if (current[0] != null) {
        jdbc.sql("update refresh set due_at = ? where user_id = ?")
            .params(Timestamp.from(clock.instant().plusSeconds(60)), current[0])
            .update();
      }
      return current[0] != null;
    }
  }

  private void refresh(UUID user) {
    timer.record(
        () -> {
          Instant now = clock.instant();
          athletes
              .find(user)
              .ifPresent(
                  me -> {
                    List<Workouts.Workout> recent =
                        workouts.since(user, now.minus(Workouts.WINDOW));
                    ActivityProfile mine = ActivityProfile.of(recent, false);
                    athletes.level(user, ActivityProfile.of(recent, true));
                    people.refresh(me, mine, properties.keep());
                    groups.refresh(me, mine, now, properties.keep());
                    training.refresh(user);
                  });
          jdbc.sql("update refresh set due_at = null, computed_at = ? where user_id = ?")
              .params(Timestamp.from(now), user)
              .update();
        });
  }

  /** Lists older than the maximum age are due; workouts and answers past their window go. */
  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
  void sweep() {
    Instant now = clock.instant();
    transactions.executeWithoutResult(
        status -> {
          jdbc.sql(
                  """
                  update refresh set due_at = ? where user_id in
                    (select user_id from refresh where due_at is null and computed_at < ?
                     order by computed_at limit 10000)
                  """)
              .params(Timestamp.from(now), Timestamp.from(now.minus(properties.maxAge())))
              .update();
          workouts.prune(now);
          training.prune(now);
        });
  }

  private double dueNow() {
    return jdbc.sql("select count(*) from refresh where due_at <= now()")
        .query(Long.class)
        .single();
  }
}
