package io.stride.notification.stream;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps a day of stream events: a browser away longer gets a {@code reset} and loads its inbox. */
@Component
class StreamPruning {

  static final Duration KEPT = Duration.ofDays(1);

  private final JdbcClient jdbc;
  private final Clock clock;

  StreamPruning(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
  void prune() {
    jdbc.sql("delete from stream_event where at < ?")
        .param(Timestamp.from(clock.instant().minus(KEPT)))
        .update();
  }
}
