package io.stride.region.regions;

import java.text.DecimalFormatSymbols;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.temporal.WeekFields;
import java.util.Currency;
import java.util.Locale;

/** What the JDK's CLDR data says of a locale and a country: never hand-written patterns. */
final class Formats {

  private Formats() {}

  static RegionResponse.Formats of(String localeTag, String units, String currency) {
    Locale locale = Locale.forLanguageTag(localeTag);
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
    return new RegionResponse.Formats(
        DateTimeFormatterBuilder.getLocalizedDateTimePattern(
            FormatStyle.SHORT, null, IsoChronology.INSTANCE, locale),
        DateTimeFormatterBuilder.getLocalizedDateTimePattern(
            null, FormatStyle.SHORT, IsoChronology.INSTANCE, locale),
        String.valueOf(symbols.getDecimalSeparator()),
        String.valueOf(symbols.getGroupingSeparator()),
        units.equals("imperial") ? "mi" : "km",
        Currency.getInstance(currency).getSymbol(locale));
  }

  /** The first day of the week in {@code country}, from CLDR. */
  static String firstDayOfWeek(String country) {
    return WeekFields.of(new Locale.Builder().setRegion(country).build())
        .getFirstDayOfWeek()
        .name();
  }
}
