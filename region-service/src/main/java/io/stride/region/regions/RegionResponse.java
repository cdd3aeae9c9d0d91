package io.stride.region.regions;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A region's effective settings: its own, then its country's for what it does not set.
 *
 * @param code {@code DE} or {@code DE-BY}
 * @param country ISO 3166-1 alpha-2
 * @param parent the country a subdivision inherits from; {@code null} for a country
 * @param subdivisions the subdivisions of a country with settings of their own
 * @param defaultTimeZone the first of {@code timeZones}
 * @param firstDayOfWeek from CLDR for the country ({@code MONDAY}, {@code SUNDAY}, …)
 * @param formats how the default locale writes dates, numbers and distances (CLDR)
 * @param version changes of this region's own settings
 * @param revision grows with every change of these effective settings (this region's own and its
 *     country's); of two answers for a region, the one with the higher revision is newer
 */
record RegionResponse(
    String code,
    String name,
    String country,
    @Nullable String parent,
    List<String> subdivisions,
    String units,
    List<String> locales,
    String defaultLocale,
    String currency,
    List<String> timeZones,
    String defaultTimeZone,
    String firstDayOfWeek,
    int minimumAge,
    RegionSettings.Legal legal,
    Map<String, Boolean> flags,
    Formats formats,
    long version,
    long revision) {

  /**
   * The default locale's conventions, from the JDK's CLDR data.
   *
   * @param datePattern the short date pattern ({@code dd.MM.yy}, {@code M/d/yy})
   * @param timePattern the short time pattern
   * @param distanceUnit {@code km} or {@code mi}, from the region's units
   */
  record Formats(
      String datePattern,
      String timePattern,
      String decimalSeparator,
      String groupingSeparator,
      String distanceUnit,
      String currencySymbol) {}
}
