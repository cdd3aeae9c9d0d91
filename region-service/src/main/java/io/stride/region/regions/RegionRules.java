package io.stride.region.regions;

import io.stride.platform.web.InvalidRequestException.FieldError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a region's code and settings must be (ADR 0023), against the standards' own lists: ISO
 * 3166-1 countries and ISO 4217 currencies as the JDK knows them, ISO 3166-2 subdivisions from
 * Debian's iso-codes, BCP 47 locales with ISO 639 languages, IANA zones, the known flags. No code
 * is invented: the seed is held to these rules at every start, and admin changes will be too.
 */
final class RegionRules {

  static final Set<String> UNITS = Set.of("metric", "imperial");
  static final int YOUNGEST = 13;
  static final int OLDEST = 21;

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

  /** Currencies some country uses today (the JDK also knows withdrawn ones, like FRF). */
  private static final Set<String> CURRENCIES =
      COUNTRIES.stream()
          .map(country -> Currency.getInstance(new Locale.Builder().setRegion(country).build()))
          .filter(java.util.Objects::nonNull)
          .map(Currency::getCurrencyCode)
          .collect(Collectors.toSet());

  private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();
  private static final Set<String> SUBDIVISIONS = readSubdivisions();
  private static final Set<String> FLAGS =
      Arrays.stream(Flag.values()).map(Flag::wireName).collect(Collectors.toSet());

  private RegionRules() {}

  /** Whether {@code code} is an ISO 3166-1 country or an ISO 3166-2 subdivision. */
  static boolean knownCode(String code) {
    return code.contains("-") ? SUBDIVISIONS.contains(code) : COUNTRIES.contains(code);
  }

  /**
   * What is wrong with a region's code and stored settings; a country must set every field, a
   * subdivision only what it overrides.
   */
  static List<FieldError> problems(String code, RegionSettings settings) {
    List<FieldError> problems = new ArrayList<>();
    boolean country = !code.contains("-");
    if (!knownCode(code)) {
      problems.add(
          new FieldError(
              "code", code + " is not an ISO 3166-1 alpha-2 country or an ISO 3166-2 subdivision"));
    }
    if (country) {
      requireAll(settings, problems);
    }
    if (settings.units() != null && !UNITS.contains(settings.units())) {
      problems.add(new FieldError("units", "must be metric or imperial, not " + settings.units()));
    }
    if (settings.locales() != null) {
      if (settings.locales().isEmpty()) {
        problems.add(new FieldError("locales", "must list at least one locale"));
      }
      settings.locales().forEach(tag -> checkLocale("locales", tag, problems));
    }
    if (settings.defaultLocale() != null) {
      checkLocale("defaultLocale", settings.defaultLocale(), problems);
      if (settings.locales() != null && !settings.locales().contains(settings.defaultLocale())) {
        problems.add(new FieldError("defaultLocale", "must be one of locales"));
      }
    }
    if (settings.currency() != null && !CURRENCIES.contains(settings.currency())) {
      problems.add(
          new FieldError("currency", settings.currency() + " is not an ISO 4217 currency in use"));
    }
    if (settings.timeZones() != null) {
      if (settings.timeZones().isEmpty()) {
        problems.add(new FieldError("timeZones", "must list at least one zone"));
      }
      settings.timeZones().stream()
          .filter(zone -> !ZONES.contains(zone))
          .forEach(
              zone ->
                  problems.add(new FieldError("timeZones", zone + " is not an IANA time zone")));
    }
    if (settings.minimumAge() != null
        && (settings.minimumAge() < YOUNGEST || settings.minimumAge() > OLDEST)) {
      problems.add(new FieldError("minimumAge", "must be between " + YOUNGEST + " and " + OLDEST));
    }
    if (settings.legal() != null) {
      Integer days = settings.legal().rawReadingRetentionDays();
      if (days != null && (days < 1 || days > 3650)) {
        problems.add(new FieldError("legal.rawReadingRetentionDays", "must be between 1 and 3650"));
      }
      String version = settings.legal().consentVersion();
      if (version != null && (version.isBlank() || version.length() > 32)) {
        problems.add(new FieldError("legal.consentVersion", "must be 1 to 32 characters"));
      }
    }
    if (settings.flags() != null) {
      settings.flags().keySet().stream()
          .filter(flag -> !FLAGS.contains(flag))
          .forEach(
              flag ->
                  problems.add(
                      new FieldError(
                          "flags." + flag,
                          "is not a known flag ("
                              + String.join(", ", FLAGS.stream().sorted().toList())
                              + ")")));
    }
    return problems;
  }

  private static void requireAll(RegionSettings settings, List<FieldError> problems) {
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    fields.put("units", settings.units());
    fields.put("locales", settings.locales());
    fields.put("defaultLocale", settings.defaultLocale());
    fields.put("currency", settings.currency());
    fields.put("timeZones", settings.timeZones());
    fields.put("minimumAge", settings.minimumAge());
    fields.put("legal", settings.legal());
    fields.put("flags", settings.flags());
    fields.forEach(
        (field, value) -> {
          if (value == null) {
            problems.add(new FieldError(field, "a country sets every setting"));
          }
        });
    if (settings.legal() != null
        && (settings.legal().consentVersion() == null
            || settings.legal().rawReadingRetentionDays() == null)) {
      problems.add(new FieldError("legal", "a country sets every legal setting"));
    }
    if (settings.flags() != null && !settings.flags().keySet().containsAll(FLAGS)) {
      problems.add(new FieldError("flags", "a country sets every flag"));
    }
  }

  private static void checkLocale(String field, String tag, List<FieldError> problems) {
    try {
      Locale locale = new Locale.Builder().setLanguageTag(tag).build();
      if (!locale.toLanguageTag().equals(tag)
          || !LANGUAGES.contains(locale.getLanguage())
          || (!locale.getCountry().isEmpty() && !COUNTRIES.contains(locale.getCountry()))) {
        problems.add(
            new FieldError(field, tag + " is not a BCP 47 tag of an ISO language and country"));
      }
    } catch (IllformedLocaleException e) {
      problems.add(new FieldError(field, tag + " is not a well-formed BCP 47 tag"));
    }
  }

  private static Set<String> readSubdivisions() {
    try (var in = RegionRules.class.getResourceAsStream("iso-3166-2.tsv");
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader
          .lines()
          .filter(line -> !line.startsWith("#") && !line.isBlank())
          .map(line -> line.substring(0, line.indexOf('\t')))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
