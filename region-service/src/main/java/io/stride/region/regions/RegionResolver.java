package io.stride.region.regions;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A best guess at where a visitor is, for defaults on a sign-up page (ADR 0023): a country hint
 * first, then each language range of {@code Accept-Language} in the client's order (a region in the
 * tag names the country; a bare language the country whose default language it is). A guess, never
 * used for eligibility or legal decisions: those use the region the athlete chose.
 */
@Component
class RegionResolver {

  static final String FALLBACK = "US";

  /** The guess and what it rests on. */
  record Resolution(RegionSummary region, String basis) {}

  private final RegionDirectory directory;

  RegionResolver(RegionDirectory directory) {
    this.directory = directory;
  }

  Resolution resolve(@Nullable String acceptLanguage, @Nullable String countryHint) {
    if (countryHint != null) {
      Optional<RegionDirectory.Entry> hinted = directory.find(countryHint.toUpperCase(Locale.ROOT));
      if (hinted.isPresent()) {
        return new Resolution(summary(hinted.get()), "country-hint");
      }
    }
    for (Locale.LanguageRange range : ranges(acceptLanguage)) {
      Locale locale = Locale.forLanguageTag(range.getRange());
      if (!locale.getCountry().isEmpty()) {
        Optional<RegionDirectory.Entry> byCountry = directory.find(locale.getCountry());
        if (byCountry.isPresent()) {
          return new Resolution(summary(byCountry.get()), "accept-language");
        }
      }
      Optional<RegionDirectory.Entry> byLanguage =
          directory.all().stream()
              .filter(entry -> entry.region().parent() == null)
              .filter(
                  entry ->
                      Locale.forLanguageTag(entry.region().defaultLocale())
                          .getLanguage()
                          .equals(locale.getLanguage()))
              .findFirst();
      if (byLanguage.isPresent() && !locale.getLanguage().isEmpty()) {
        return new Resolution(summary(byLanguage.get()), "accept-language");
      }
    }
    return new Resolution(summary(directory.find(FALLBACK).orElseThrow()), "default");
  }

  private static List<Locale.LanguageRange> ranges(@Nullable String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return List.of();
    }
    try {
      return Locale.LanguageRange.parse(acceptLanguage).stream()
          .filter(range -> range.getWeight() > 0 && !range.getRange().equals("*"))
          .toList();
    } catch (IllegalArgumentException malformed) {
      return List.of(); // a malformed header is no hint, not an error
    }
  }

  static RegionSummary summary(RegionDirectory.Entry entry) {
    RegionResponse region = entry.region();
    return new RegionSummary(region.code(), region.name(), region.country(), region.parent());
  }
}
