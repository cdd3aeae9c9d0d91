package io.stride.promo.campaigns;

import io.stride.promo.rules.Rule;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A campaign as stored. {@code state} is what admins set (draft, published, paused, ended); {@link
 * #status} adds the clock: a published campaign is scheduled before its window and live in it.
 */
public record Campaign(
    UUID id,
    Map<String, String> name,
    Map<String, String> description,
    Instant startsAt,
    Instant endsAt,
    String timeZone,
    List<String> regions,
    int budgetRewards,
    @Nullable BigDecimal budgetMoney,
    @Nullable String currency,
    Reward reward,
    List<Rule> rules,
    @Nullable Trigger trigger,
    int perAthlete,
    String state,
    int granted,
    BigDecimal spent,
    Instant createdAt,
    Instant updatedAt) {

  public static final String DRAFT = "draft";
  public static final String PUBLISHED = "published";
  public static final String PAUSED = "paused";
  public static final String ENDED = "ended";

  /** draft, scheduled, live, paused or ended, at {@code now}. */
  public String status(Instant now) {
    if (state.equals(DRAFT)) {
      return "draft";
    }
    if (state.equals(ENDED) || !now.isBefore(endsAt)) {
      return "ended";
    }
    if (state.equals(PAUSED)) {
      return "paused";
    }
    return now.isBefore(startsAt) ? "scheduled" : "live";
  }

  public boolean isLive(Instant now) {
    return status(now).equals("live");
  }

  /** The text for {@code locale}: its tag, else its language, else the campaign's first text. */
  public static String localized(Map<String, String> texts, Locale locale) {
    String tag = locale.toLanguageTag();
    if (texts.containsKey(tag)) {
      return texts.get(tag);
    }
    String language = locale.getLanguage();
    if (texts.containsKey(language)) {
      return texts.get(language);
    }
    for (Map.Entry<String, String> entry : texts.entrySet()) {
      if (entry.getKey().startsWith(language + "-")) {
        return entry.getValue();
      }
    }
    return texts.values().iterator().next();
  }

  /** The name in the campaign's first language: for events and logs. */
  public String defaultName() {
    return name.values().iterator().next();
  }

  public LocalDateTime localStart() {
    return LocalDateTime.ofInstant(startsAt, ZoneId.of(timeZone));
  }

  public LocalDateTime localEnd() {
    return LocalDateTime.ofInstant(endsAt, ZoneId.of(timeZone));
  }

  /** Rewards left in the budget: by count, and by money when the budget has an amount. */
  public int rewardsLeft() {
    int byCount = budgetRewards - granted;
    if (budgetMoney == null || reward.value() == null) {
      return byCount;
    }
    int byMoney =
        budgetMoney.subtract(spent).divideToIntegralValue(reward.value().amount()).intValue();
    return Math.max(0, Math.min(byCount, byMoney));
  }
}
