package io.stride.gamification.standing;

import io.stride.contracts.gamification.BadgeAwarded;
import io.stride.contracts.gamification.LevelReached;
import io.stride.contracts.gamification.StreakExtended;
import io.stride.gamification.badges.EarnedBadge;
import io.stride.gamification.ledger.AnnouncementLedger;
import io.stride.gamification.scoring.Levels;
import io.stride.gamification.streaks.Streak;
import io.stride.platform.events.EventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
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

  private final AnnouncementLedger ledger;
  private final EventPublisher events;
  private final Clock clock;

  Announcements(AnnouncementLedger ledger, EventPublisher events, Clock clock) {
    this.ledger = ledger;
    this.events = events;
    this.clock = clock;
  }

  void announce(UUID userId, Standing standing, ZoneId zone) {
    Instant newsSince = clock.instant().minus(NEWS);
    Told told = told(userId);
    for (EarnedBadge badge : standing.badges()) {
      if (told.firstTime("badge", badge.badge() + ":" + badge.tier())
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
        && told.firstTime("level", Integer.toString(standing.level()))
        && standing.levelReachedAt() != null
        && standing.levelReachedAt().isAfter(newsSince)
        && !told.levelAbove(standing.level())) {
      events.publish(
          new LevelReached(
              userId, standing.level(), standing.points(), Levels.next(standing.level())));
    }
    LocalDate today = LocalDate.now(clock.withZone(zone));
    streak(
        told,
        userId,
        "daily",
        standing.daily(),
        standing.daily().freezeTokens(),
        today.minusDays(1));
    streak(told, userId, "weekly", standing.weekly(), 0, today.minusWeeks(1));
  }

  private void streak(
      Told told, UUID userId, String kind, Streak streak, int tokens, LocalDate recent) {
    if (streak.length() >= 2
        && !streak.last().isBefore(recent)
        && told.firstTime(kind, streak.start() + ":" + streak.length())) {
      events.publish(new StreakExtended(userId, kind, streak.length(), streak.last(), tokens));
    }
  }

  /** What the athlete was told, read once per fold. */
  private Told told(UUID userId) {
    return new Told(userId, ledger.told(userId));
  }

  /** The ledger of one athlete: what is in it, and writing what is not. */
  private final class Told {

    private final UUID userId;
    private final Set<String> subjects;

    Told(UUID userId, Set<String> subjects) {
      this.userId = userId;
      this.subjects = subjects;
    }

    /** Writes the subject into the ledger; true if it was not there. */
    boolean firstTime(String kind, String subject) {
      if (!subjects.add(kind + "/" + subject)) {
        return false;
      }
      return ledger.record(userId, kind, subject);
    }

    boolean levelAbove(int level) {
      return subjects.stream()
          .filter(s -> s.startsWith("level/"))
          .anyMatch(s -> Integer.parseInt(s.substring("level/".length())) > level);
    }
  }
}
