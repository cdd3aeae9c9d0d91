package io.stride.gamification.grants;

import io.stride.contracts.gamification.BadgeAwarded;
import io.stride.contracts.promo.RewardGranted;
import io.stride.gamification.ledger.AnnouncementLedger;
import io.stride.gamification.standing.Progress;
import io.stride.platform.events.EventPublisher;
import io.stride.platform.events.MalformedEventException;
import java.sql.Timestamp;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Badges a promotion grants (ADR 0028): held from the first grant on, whatever the athlete's
 * history, listed with the earned ones as tier 0, and told once as {@code BadgeAwarded} through the
 * same announcement ledger as earned badges (so a badge of the same name and tier already told is
 * not told again). A second grant of a badge held, from any campaign, changes nothing; nothing is
 * stored for an erased athlete. A badge name or title outside the contract can never be stored: the
 * event is parked on the dead-letter topic at once.
 */
@Service
public class GrantedBadges {

  /** A badge's wire name, as promo-service accepts it for a campaign. */
  static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,64}");

  /** The longest title promo-service accepts (and the badge tables hold). */
  static final int TITLE_LENGTH = 80;

  private final JdbcClient jdbc;
  private final Progress progress;
  private final AnnouncementLedger ledger;
  private final EventPublisher events;

  GrantedBadges(
      JdbcClient jdbc, Progress progress, AnnouncementLedger ledger, EventPublisher events) {
    this.jdbc = jdbc;
    this.progress = progress;
    this.ledger = ledger;
    this.events = events;
  }

  /** Applies a grant whose reward is a badge; other rewards are not this service's. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void apply(RewardGranted grant) {
    if (!"badge".equals(grant.reward())) {
      return;
    }
    check(grant);
    // the athlete's lock: after an erasure running now, this grant finds the athlete erased
    progress.lock(grant.userId());
    int held =
        jdbc.sql(
                """
                insert into granted_badge (user_id, badge, title, campaign_id, grant_id, granted_at)
                select :user, :badge, :title, :campaign, :grant, :at
                where not exists (select 1 from erased_user where user_id = :user)
                on conflict (user_id, badge) do nothing
                """)
            .param("user", grant.userId())
            .param("badge", grant.badge())
            .param("title", grant.badgeTitle())
            .param("campaign", grant.campaignId())
            .param("grant", grant.grantId())
            .param("at", Timestamp.from(grant.grantedAt()))
            .update();
    if (held == 1 && ledger.record(grant.userId(), "badge", grant.badge() + ":0")) {
      events.publish(
          new BadgeAwarded(
              grant.userId(), grant.badge(), 0, grant.badgeTitle(), null, grant.grantedAt()));
    }
  }

  private static void check(RewardGranted grant) {
    if (grant.userId() == null
        || grant.grantId() == null
        || grant.campaignId() == null
        || grant.grantedAt() == null) {
      throw new MalformedEventException(
          "RewardGranted " + grant.grantId() + " lacks its user, grant, campaign or time");
    }
    if (grant.badge() == null || !NAME.matcher(grant.badge()).matches()) {
      throw new MalformedEventException(
          "RewardGranted "
              + grant.grantId()
              + ": badge name is not "
              + NAME.pattern()
              + " ("
              + (grant.badge() == null ? "none" : grant.badge().length() + " characters")
              + ")");
    }
    String title = grant.badgeTitle();
    if (title == null || title.isBlank() || title.length() > TITLE_LENGTH) {
      throw new MalformedEventException(
          "RewardGranted "
              + grant.grantId()
              + ": badge title must be 1 to "
              + TITLE_LENGTH
              + " characters");
    }
  }
}
