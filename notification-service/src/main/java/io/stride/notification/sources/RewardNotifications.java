package io.stride.notification.sources;

import static io.stride.notification.types.Channel.IN_APP;
import static io.stride.notification.types.Channel.PUSH;

import io.stride.contracts.promo.RewardGranted;
import io.stride.notification.inbox.Inbox;
import io.stride.notification.inbox.Notice;
import io.stride.notification.people.Persons;
import io.stride.notification.types.NotificationSource;
import io.stride.notification.types.NotificationType;
import io.stride.platform.events.EventHandler;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * promo-service's rewards: premium days, a partner coupon or a badge from a campaign, one
 * notification per grant however often it is delivered. A badge is the same fact
 * gamification-service tells as {@code BadgeAwarded} when it awards it: both use the badge's group,
 * so whichever arrives first is the one notification (and the same badge from a second campaign is
 * none).
 */
@Component
class RewardNotifications implements NotificationSource {

  static final NotificationType REWARD =
      NotificationType.of("reward", "/rewards", IN_APP, PUSH)
          .withFields("campaign", "partner", "badge")
          .withNumbers("wording", "days")
          .withDates("until");

  /** A badge wire name as gamification-service accepts it (it parks any other). */
  private static final Pattern BADGE = Pattern.compile("[a-z0-9_]{1,64}");

  /**
   * The sentences of {@code notification.reward.title} and {@code .body}, in the order of their
   * choice: the {@code wording} field is the ordinal. A reward newer than this service, or one
   * missing what its words need, is told as {@code ANY_REWARD}.
   */
  private enum Wording {
    ONE_PREMIUM_DAY,
    PREMIUM_DAYS,
    PARTNER_COUPON,
    BADGE,
    ANY_REWARD
  }

  private final Inbox inbox;
  private final Persons persons;
  private final Clock clock;

  RewardNotifications(Inbox inbox, Persons persons, Clock clock) {
    this.inbox = inbox;
    this.persons = persons;
    this.clock = clock;
  }

  @Override
  public List<NotificationType> types() {
    return List.of(REWARD);
  }

  @EventHandler
  void on(RewardGranted event) {
    Wording wording = wording(event);
    // premium ends on a day of the athlete's own calendar
    String until =
        event.premiumUntil() == null
            ? ""
            : LocalDate.ofInstant(event.premiumUntil(), persons.get(event.userId()).zone())
                .toString();
    inbox.tell(
        Notice.of(REWARD.name(), event.userId(), null, event.grantId(), clock.instant())
            .groupedBy(
                wording == Wording.BADGE
                    ? "badge:" + event.badge() + ":0"
                    : "reward:" + event.grantId())
            .with(
                Map.of(
                    "campaign", text(event.campaignName()),
                    "partner", text(event.partner()),
                    "badge", text(event.badgeTitle()),
                    "wording", Integer.toString(wording.ordinal()),
                    "days", event.premiumDays() == null ? "0" : event.premiumDays().toString(),
                    "until", until)));
  }

  private static Wording wording(RewardGranted event) {
    return switch (event.reward() == null ? "" : event.reward()) {
      case "premium-days" ->
          event.premiumDays() == null || event.premiumDays() < 1 || event.premiumUntil() == null
              ? Wording.ANY_REWARD
              : event.premiumDays() == 1 ? Wording.ONE_PREMIUM_DAY : Wording.PREMIUM_DAYS;
      case "partner-coupon" ->
          isBlank(event.partner()) ? Wording.ANY_REWARD : Wording.PARTNER_COUPON;
      case "badge" ->
          event.badge() == null
                  || !BADGE.matcher(event.badge()).matches()
                  || isBlank(event.badgeTitle())
              ? Wording.ANY_REWARD
              : Wording.BADGE;
      default -> Wording.ANY_REWARD;
    };
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
