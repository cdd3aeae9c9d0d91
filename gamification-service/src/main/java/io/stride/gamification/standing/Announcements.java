package io.stride.gamification.standing;

import io.stride.contracts.gamification.BadgeAwarded;
import io.stride.contracts.gamification.LevelReached;
import io.stride.contracts.gamification.StreakExtended;
import io.stride.gamification.badges.EarnedBadge;
import io.stride.gamification.scoring.Levels;
import io.stride.gamification.streaks.Streak;
import io.stride.platform.events.EventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells athletes what they earned (ADR 0028), each thing once: the ledger {@code announcement}
 * remembers what was told, so a badge lost and earned again, a level fallen from and climbed again,
 * or a rebuild of everything is never told twice. Only news is told: a badge or level earned by a
 * workout of the last {@link #NEWS} (an upload of last year's history earns its badges quietly), a
 * streak whose latest day is today or yesterday.
 */
@Component
class Announcements {

  static final Duration NEWS = Duration.ofDays(7);

  private final JdbcClient jdbc;
  private final EventPublisher events;
  private final Clock clock;

  Announcements(JdbcClient jdbc, EventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  void announce(UUID userId, Standing standing, ZoneId zone) {
    Instant newsSince = clock.instant().minus(NEWS);
    for (EarnedBadge badge : standing.badges()) {
      if (firstTime(userId, "badge", badge.badge() + ":" + badge.tier())
          && badge.earnedAt().isAfter(newsSince)) {
        events.publish(
            new BadgeAwarded(
                userId,
                badge.badge(),
                badge.tier(),
                badge.title(),
                badge.workoutId(),
                badge.earnedAt()));
      }
    }
    if (standing.level() > 1
        && firstTime(userId, "level", Integer.toString(standing.level()))
        && standing.levelReachedAt() != null
        && standing.levelReachedAt().isAfter(newsSince)
        && !higherLevelTold(userId, standing.level())) {
      events.publish(
          new LevelReached(
              userId, standing.level(), standing.points(), Levels.next(standing.level())));
    }
    LocalDate today = LocalDate.now(clock.withZone(zone));
    streak(userId, "daily", standing.daily(), standing.daily().freezeTokens(), today.minusDays(1));
    streak(userId, "weekly", standing.weekly(), 0, today.minusWeeks(1));
  }

  private void streak(UUID userId, String kind, Streak streak, int tokens, LocalDate recent) {
    if (streak.length() >= 2
        && !streak.last().isBefore(recent)
        && firstTime(userId, kind, streak.start() + ":" + streak.length())) {
      events.publish(new StreakExtended(userId, kind, streak.length(), streak.last(), tokens));
    }
  }

  /** Writes the subject into the ledger; true if it was not there. */
  private boolean firstTime(UUID userId, String kind, String subject) {
    return jdbc.sql(
                "insert into announcement (user_id, kind, subject) values (?, ?, ?)"
                    + " on conflict do nothing")
            .params(userId, kind, subject)
            .update()
        > 0;
  }

  private boolean higherLevelTold(UUID userId, int level) {
    return jdbc.sql(
            "select exists (select 1 from announcement where user_id = ? and kind = 'level'"
                + " and cast(subject as integer) > ?)")
        .params(userId, level)
        .query(Boolean.class)
        .single();
  }
}
