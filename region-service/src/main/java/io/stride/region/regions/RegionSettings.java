package io.stride.region.regions;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A region's settings as stored (ADR 0023): a country has every field; a subdivision only those it
 * overrides, the rest {@code null} (and, for {@code legal} and {@code flags}, the entries it
 * overrides). {@link #over} gives the effective settings.
 *
 * @param units default units, {@code metric} or {@code imperial}
 * @param locales supported locales (BCP 47), in order of preference
 * @param defaultLocale one of {@code locales}
 * @param currency ISO 4217
 * @param timeZones IANA zones; the first is the default
 * @param minimumAge the youngest age an account may be opened at
 * @param legal the consent text version and how long raw readings are kept
 * @param flags feature flags by wire name
 */
record RegionSettings(
    @Schema(example = "metric") @Nullable String units,
    @Schema(example = "[\"de-DE\", \"en-DE\"]") @Size(max = 20) @Nullable List<String> locales,
    @Schema(example = "de-DE") @Nullable String defaultLocale,
    @Schema(example = "EUR") @Nullable String currency,
    @Schema(example = "[\"Europe/Berlin\"]") @Size(max = 30) @Nullable List<String> timeZones,
    @Schema(example = "16") @Nullable Integer minimumAge,
    @Nullable @Valid Legal legal,
    @Schema(example = "{\"leaderboards\": true, \"heatmaps\": false}") @Size(max = 32)
        @Nullable Map<String, Boolean> flags) {

  /** Every setting's name, as the JSON and {@code inherit} spell it. */
  static final Set<String> NAMES =
      Arrays.stream(RegionSettings.class.getRecordComponents())
          .map(RecordComponent::getName)
          .collect(Collectors.toUnmodifiableSet());

  /** Legal settings. */
  record Legal(
      @Schema(example = "2026-01") @Size(max = 32) @Nullable String consentVersion,
      @Schema(example = "365") @Nullable Integer rawReadingRetentionDays) {

    Legal over(Legal parent) {
      return new Legal(
          consentVersion != null ? consentVersion : parent.consentVersion(),
          rawReadingRetentionDays != null
              ? rawReadingRetentionDays
              : parent.rawReadingRetentionDays());
    }
  }

  /**
   * These settings applied over {@code parent}'s: a country's effective settings, or the overrides
   * a subdivision stores (then fields both leave out stay {@code null}).
   */
  RegionSettings over(RegionSettings parent) {
    Map<String, Boolean> mergedFlags = null;
    if (flags != null || parent.flags() != null) {
      mergedFlags = new java.util.TreeMap<>();
      if (parent.flags() != null) {
        mergedFlags.putAll(parent.flags());
      }
      if (flags != null) {
        mergedFlags.putAll(flags);
      }
    }
    return new RegionSettings(
        units != null ? units : parent.units(),
        locales != null ? locales : parent.locales(),
        defaultLocale != null ? defaultLocale : parent.defaultLocale(),
        currency != null ? currency : parent.currency(),
        timeZones != null ? timeZones : parent.timeZones(),
        minimumAge != null ? minimumAge : parent.minimumAge(),
        legal == null
            ? parent.legal()
            : parent.legal() == null ? legal : legal.over(parent.legal()),
        mergedFlags == null ? null : Map.copyOf(mergedFlags));
  }
}
