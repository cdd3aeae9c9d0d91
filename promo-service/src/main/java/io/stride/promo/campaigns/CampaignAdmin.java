package io.stride.promo.campaigns;

import io.stride.contracts.region.RegionSettingsChanged;
import io.stride.platform.idempotency.IdempotencyKeys;
import io.stride.platform.paging.Cursor;
import io.stride.platform.paging.Page;
import io.stride.platform.regions.RegionSettingsCopy;
import io.stride.platform.web.ConflictException;
import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.InvalidRequestException.FieldError;
import io.stride.platform.web.NotFoundException;
import io.stride.promo.campaigns.CampaignAudit.CampaignAuditEntry;
import io.stride.promo.campaigns.CampaignViews.AdminCampaign;
import io.stride.promo.rules.Rule;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Admins' campaigns: created as drafts, replaced while drafts, then published, paused, resumed and
 * ended; every change in the audit trail, in the change's transaction.
 */
@Service
public class CampaignAdmin {

  private static final Duration LONGEST_WINDOW = Duration.ofDays(2 * 366);

  private final Campaigns campaigns;
  private final CampaignAudit audit;
  private final IdempotencyKeys idempotency;
  private final RegionSettingsCopy regions;
  private final JsonMapper json;
  private final Clock clock;

  CampaignAdmin(
      Campaigns campaigns,
      CampaignAudit audit,
      IdempotencyKeys idempotency,
      RegionSettingsCopy regions,
      JsonMapper json,
      Clock clock) {
    this.campaigns = campaigns;
    this.audit = audit;
    this.idempotency = idempotency;
    this.regions = regions;
    this.json = json;
    this.clock = clock;
  }

  @Transactional
  AdminCampaign create(UUID admin, CampaignRequest request, String idempotencyKey) {
    UUID id =
        idempotency.createOnce(
            admin,
            "campaign",
            idempotencyKey,
            json.writeValueAsString(request),
            () -> {
              Instant now = clock.instant();
              Campaign campaign = campaignOf(UUID.randomUUID(), request, now, now);
              campaigns.insert(campaign);
              audit.record(campaign.id(), admin, "created", request, now);
              return campaign.id();
            });
    return AdminCampaign.of(campaigns.find(id).orElseThrow(), clock.instant());
  }

  @Transactional
  AdminCampaign replace(UUID admin, UUID id, CampaignRequest request) {
    Campaign held = campaigns.lock(id).orElseThrow(() -> notFound(id));
    if (!held.state().equals(Campaign.DRAFT)) {
      throw new ConflictException(
          "Only a draft campaign can be changed; this one is "
              + held.status(clock.instant())
              + ".");
    }
    Instant now = clock.instant();
    Campaign changed = campaignOf(id, request, held.createdAt(), now);
    campaigns.replace(changed);
    audit.record(id, admin, "replaced", request, now);
    return AdminCampaign.of(campaigns.find(id).orElseThrow(), now);
  }

  /** Moves the campaign to {@code action}'s state, if its state allows it. */
  @Transactional
  AdminCampaign transition(UUID admin, UUID id, String action) {
    Campaign held = campaigns.lock(id).orElseThrow(() -> notFound(id));
    Instant now = clock.instant();
    String status = held.status(now);
    String to =
        switch (action) {
          case "publish" -> allowed(status, List.of("draft"), action, Campaign.PUBLISHED);
          case "pause" -> allowed(status, List.of("scheduled", "live"), action, Campaign.PAUSED);
          case "resume" -> allowed(status, List.of("paused"), action, Campaign.PUBLISHED);
          case "end" ->
              allowed(
                  status, List.of("draft", "scheduled", "live", "paused"), action, Campaign.ENDED);
          default -> throw new IllegalArgumentException(action);
        };
    campaigns.setState(id, to, now);
    if (action.equals("publish")) {
      campaigns.splitBudget(held);
    }
    String done = action.endsWith("e") ? action + "d" : action + "ed";
    audit.record(id, admin, done, Map.of("from", status), now);
    return AdminCampaign.of(campaigns.find(id).orElseThrow(), now);
  }

  AdminCampaign get(UUID id) {
    return AdminCampaign.of(campaigns.find(id).orElseThrow(() -> notFound(id)), clock.instant());
  }

  Page<AdminCampaign> list(String cursor, int limit) {
    After after = Cursor.decode(cursor, key -> new After(key.instant(), key.uuid()));
    Instant now = clock.instant();
    List<Campaign> fetched =
        after == null
            ? campaigns.all(Instant.parse("9999-12-31T00:00:00Z"), new UUID(-1, -1), limit + 1)
            : campaigns.all(after.createdAt(), after.id(), limit + 1);
    return Page.of(
        fetched.stream().map(c -> AdminCampaign.of(c, now)).toList(),
        limit,
        c -> Cursor.of(c.createdAt(), c.id()));
  }

  Page<CampaignAuditEntry> audit(UUID id, String cursor, int limit) {
    campaigns.find(id).orElseThrow(() -> notFound(id));
    Long before = Cursor.decode(cursor, key -> key.number());
    return Page.of(
        audit.entries(id, before == null ? Long.MAX_VALUE : before, limit + 1),
        limit,
        entry -> Cursor.of(entry.id()));
  }

  private static String allowed(String status, List<String> from, String action, String to) {
    if (!from.contains(status)) {
      throw new ConflictException(
          "A "
              + status
              + " campaign cannot "
              + action
              + "; it can from "
              + String.join(", ", from)
              + ".");
    }
    return to;
  }

  /** The stored campaign of a valid request; 422 naming the fields that are not. */
  private Campaign campaignOf(UUID id, CampaignRequest request, Instant created, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    ZoneId zone = zone(request.window().timeZone(), errors);
    Instant starts = zone == null ? now : request.window().starts().atZone(zone).toInstant();
    Instant ends = zone == null ? now : request.window().ends().atZone(zone).toInstant();
    if (zone != null && !ends.isAfter(starts)) {
      errors.add(new FieldError("window.ends", "must be after window.starts"));
    } else if (Duration.between(starts, ends).compareTo(LONGEST_WINDOW) > 0) {
      errors.add(new FieldError("window.ends", "must be at most two years after window.starts"));
    }
    checkRegions(request.regions(), errors);
    checkReward(request, errors);
    List<Rule> rules = new ArrayList<>();
    Map<String, String> ruleProblems = new LinkedHashMap<>();
    for (int i = 0; i < request.rules().size(); i++) {
      request.rules().get(i).toRule("rules[" + i + "]", ruleProblems).ifPresent(rules::add);
    }
    ruleProblems.forEach((field, problem) -> errors.add(new FieldError(field, problem)));
    if (request.trigger() != null) {
      boolean streak = request.trigger().event().equals(Trigger.DAILY_STREAK);
      if (streak && request.trigger().days() == null) {
        errors.add(new FieldError("trigger.days", "is needed for a daily-streak trigger"));
      } else if (!streak && request.trigger().days() != null) {
        errors.add(new FieldError("trigger.days", "goes only with a daily-streak trigger"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    Money money = request.budget().money();
    return new Campaign(
        id,
        request.name(),
        request.description(),
        starts,
        ends,
        zone.getId(),
        List.copyOf(request.regions()),
        request.budget().rewards(),
        money == null ? null : money.amount(),
        money == null ? null : money.currency(),
        request.reward(),
        List.copyOf(rules),
        request.trigger(),
        request.perAthlete() == null ? 1 : request.perAthlete(),
        Campaign.DRAFT,
        0,
        BigDecimal.ZERO,
        created,
        now);
  }

  private static ZoneId zone(String name, List<FieldError> errors) {
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      errors.add(new FieldError("window.timeZone", "is not an IANA time zone (Europe/Berlin …)"));
      return null;
    }
  }

  /** Regions the copy knows, with promotions on; unchecked while the copy is still loading. */
  private void checkRegions(List<String> codes, List<FieldError> errors) {
    if (!regions.isLoaded()) {
      return;
    }
    for (int i = 0; i < codes.size(); i++) {
      Optional<RegionSettingsChanged> region = regions.find(codes.get(i));
      if (region.isEmpty()) {
        errors.add(new FieldError("regions[" + i + "]", "is not a region of region-service"));
      } else if (!region.get().enabled("promos")) {
        errors.add(
            new FieldError(
                "regions[" + i + "]",
                "promotions are off in " + region.get().name() + " (its promos flag)"));
      }
    }
  }

  private static void checkReward(CampaignRequest request, List<FieldError> errors) {
    Reward reward = request.reward();
    switch (reward.kind()) {
      case Reward.PREMIUM_DAYS -> {
        require(reward.days() != null, "reward.days", "is needed for premium-days", errors);
        require(
            reward.partner() == null, "reward.partner", "goes only with partner-coupon", errors);
        require(reward.badge() == null, "reward.badge", "goes only with badge", errors);
      }
      case Reward.PARTNER_COUPON -> {
        require(reward.partner() != null, "reward.partner", "is needed for partner-coupon", errors);
        require(reward.days() == null, "reward.days", "goes only with premium-days", errors);
        require(reward.badge() == null, "reward.badge", "goes only with badge", errors);
      }
      default -> {
        require(reward.badge() != null, "reward.badge", "is needed for badge", errors);
        require(reward.badgeTitle() != null, "reward.badgeTitle", "is needed for badge", errors);
        require(reward.days() == null, "reward.days", "goes only with premium-days", errors);
        require(
            reward.partner() == null, "reward.partner", "goes only with partner-coupon", errors);
      }
    }
    if (!Reward.BADGE.equals(reward.kind()) && reward.badgeTitle() != null) {
      errors.add(new FieldError("reward.badgeTitle", "goes only with badge"));
    }
    Money budget = request.budget().money();
    if (budget != null) {
      if (reward.value() == null) {
        errors.add(new FieldError("reward.value", "is needed when the budget has money"));
      } else if (!reward.value().currency().equals(budget.currency())) {
        errors.add(new FieldError("reward.value.currency", "must be the budget's currency"));
      }
    }
  }

  private static void require(boolean holds, String field, String message, List<FieldError> e) {
    if (!holds) {
      e.add(new FieldError(field, message));
    }
  }

  private static NotFoundException notFound(UUID id) {
    return new NotFoundException("No campaign " + id + ".");
  }

  private record After(Instant createdAt, UUID id) {}
}
