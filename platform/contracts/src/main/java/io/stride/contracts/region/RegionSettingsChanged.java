package io.stride.contracts.region;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.util.List;
import java.util.Map;

/**
 * A region's effective settings as they now stand (its own over its country's), sent for the region
 * that changed and for each subdivision that inherits the change. The newest event per region is
 * its state: a copy keeps, per code, the one with the highest {@code revision}.
 *
 * @param code {@code DE} or {@code DE-BY}
 * @param country ISO 3166-1 alpha-2
 * @param parent the country a subdivision inherits from; {@code null} for a country
 * @param units {@code metric} or {@code imperial}
 * @param locales supported locales (BCP 47), in order of preference
 * @param timeZones IANA zones, the default first
 * @param firstDayOfWeek {@code MONDAY}, {@code SUNDAY}, … (CLDR)
 * @param flags feature flags by wire name ({@code leaderboards}, {@code promos}, …)
 * @param revision grows with every change of these effective settings
 */
@EventType(name = "RegionSettingsChanged", version = 1)
public record RegionSettingsChanged(
    String code,
    String name,
    String country,
    String parent,
    String units,
    List<String> locales,
    String defaultLocale,
    String currency,
    List<String> timeZones,
    String firstDayOfWeek,
    int minimumAge,
    Legal legal,
    Map<String, Boolean> flags,
    long revision)
    implements StrideEvent {

  /**
   * @param consentVersion the consent text version an account must accept
   * @param rawReadingRetentionDays how long raw tracker readings are kept
   */
  public record Legal(String consentVersion, int rawReadingRetentionDays) {}

  /** Whether {@code flag} is on here; an unknown flag is off. */
  public boolean enabled(String flag) {
    return Boolean.TRUE.equals(flags.get(flag));
  }

  @Override
  public String subject() {
    return code;
  }
}
