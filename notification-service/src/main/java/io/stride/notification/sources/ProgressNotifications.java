package io.stride.notification.sources;

import static io.stride.notification.types.Channel.IN_APP;
import static io.stride.notification.types.Channel.PUSH;

import io.stride.contracts.gamification.BadgeAwarded;
import io.stride.contracts.gamification.ChallengeCompleted;
import io.stride.contracts.gamification.LevelReached;
import io.stride.contracts.gamification.StreakExtended;
import io.stride.notification.inbox.Inbox;
import io.stride.notification.inbox.Notice;
import io.stride.notification.types.NotificationSource;
import io.stride.notification.types.NotificationType;
import io.stride.platform.events.EventHandler;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * gamification-service's news: a badge earned, a level reached, a streak grown, a challenge
 * completed (each told once there).
 */
@Component
class ProgressNotifications implements NotificationSource {

  static final NotificationType BADGE =
      NotificationType.of("badge", "/progress", IN_APP, PUSH).withFields("title");
  static final NotificationType LEVEL =
      NotificationType.of("level", "/progress", IN_APP, PUSH).withFields("level", "points");
  static final NotificationType DAILY_STREAK =
      NotificationType.of("streak-daily", "/progress", IN_APP, PUSH)
          .withFields("length", "freezeTokens");
  static final NotificationType WEEKLY_STREAK =
      NotificationType.of("streak-weekly", "/progress", IN_APP).withFields("length");
  static final NotificationType CHALLENGE =
      NotificationType.of("challenge-completed", "/challenges/{subject}", IN_APP, PUSH)
          .withFields("title")
          .withNumbers("wording", "amount", "minutes");

  static final Set<Integer> TOLD_DAYS = Set.of(3, 7, 14, 21, 30, 50);
  static final Set<Integer> TOLD_WEEKS = Set.of(2, 4, 8, 12, 26);

  /**
   * The sentences of {@code notification.challenge-completed.body}, in the order of its choice: the
   * {@code wording} field is the ordinal.
   */
  private enum Wording {
    KILOMETERS,
    HOURS_AND_MINUTES,
    ONE_WORKOUT,
    WORKOUTS,
    METERS_CLIMBED,
    ANY_GOAL
  }

  private final Inbox inbox;
  private final Clock clock;

  ProgressNotifications(Inbox inbox, Clock clock) {
    this.inbox = inbox;
    this.clock = clock;
  }

  @Override
  public List<NotificationType> types() {
    return List.of(BADGE, LEVEL, DAILY_STREAK, WEEKLY_STREAK, CHALLENGE);
  }

  @EventHandler
  void on(BadgeAwarded event) {
    inbox.tell(
        Notice.of(BADGE.name(), event.userId(), null, event.workoutId(), clock.instant())
            .groupedBy("badge:" + event.badge() + ":" + event.tier())
            .with(Map.of("title", event.title())));
  }

  @EventHandler
  void on(LevelReached event) {
    inbox.tell(
        Notice.of(LEVEL.name(), event.userId(), null, null, clock.instant())
            .groupedBy("level:" + event.level())
            .with(
                Map.of(
                    "level", Integer.toString(event.level()),
                    "points", Long.toString(event.points()))));
  }

  /**
   * A streak is told when it reaches a length worth a word ({@link #TOLD_DAYS}, {@link
   * #TOLD_WEEKS}, then every 100 days or 52 weeks), not every day it grows.
   */
  @EventHandler
  void on(StreakExtended event) {
    boolean daily = "daily".equals(event.kind());
    int length = event.length();
    boolean told =
        daily
            ? TOLD_DAYS.contains(length) || length % 100 == 0
            : TOLD_WEEKS.contains(length) || length % 52 == 0;
    if (!told) {
      return;
    }
    NotificationType type = daily ? DAILY_STREAK : WEEKLY_STREAK;
    inbox.tell(
        Notice.of(type.name(), event.userId(), null, null, clock.instant())
            .groupedBy(type.name() + ":" + event.lastDay() + ":" + length)
            .with(
                Map.of(
                    "length", Integer.toString(length),
                    "freezeTokens", Integer.toString(event.freezeTokens()))));
  }

  @EventHandler
  void on(ChallengeCompleted event) {
    Map<String, String> data = new HashMap<>(achieved(event.goal(), event.achieved()));
    data.put("title", event.title());
    inbox.tell(
        Notice.of(CHALLENGE.name(), event.userId(), null, event.challengeId(), clock.instant())
            .groupedBy("challenge:" + event.challengeId())
            .with(data));
  }

  /**
   * What the athlete achieved, in the goal's unit as people say it: kilometres with one decimal
   * (distance), hours and minutes (moving time), workouts (count), metres climbed (elevation). A
   * goal newer than this service is told without its amount.
   */
  private static Map<String, String> achieved(String goal, long achieved) {
    return switch (goal == null ? "" : goal) {
      case "distance" ->
          wording(
              Wording.KILOMETERS,
              BigDecimal.valueOf(achieved, 3).setScale(1, RoundingMode.HALF_UP),
              0);
      case "moving_time" ->
          wording(
              Wording.HOURS_AND_MINUTES, BigDecimal.valueOf(achieved / 3600), achieved % 3600 / 60);
      case "count" ->
          wording(
              achieved == 1 ? Wording.ONE_WORKOUT : Wording.WORKOUTS,
              BigDecimal.valueOf(achieved),
              0);
      case "elevation" -> wording(Wording.METERS_CLIMBED, BigDecimal.valueOf(achieved), 0);
      default -> wording(Wording.ANY_GOAL, BigDecimal.ZERO, 0);
    };
  }

  private static Map<String, String> wording(Wording wording, BigDecimal amount, long minutes) {
    return Map.of(
        "wording", Integer.toString(wording.ordinal()),
        "amount", amount.toPlainString(),
        "minutes", Long.toString(minutes));
  }
}
