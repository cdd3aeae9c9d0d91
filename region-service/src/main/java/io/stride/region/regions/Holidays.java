package io.stride.region.regions;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Public holidays from Jollyday's calendars (ADR 0023): a country's, plus a subdivision's own where
 * Jollyday knows the subdivision (its key is the part after the dash, lower case).
 */
@Component
class Holidays {

  /** One public holiday. */
  record PublicHoliday(LocalDate date, String name, String localName) {}

  static final int FIRST_YEAR = 1900;
  static final int LAST_YEAR = 2100;

  List<PublicHoliday> of(RegionResponse region, int year) {
    if (!HolidayManager.getSupportedCalendarCodes().contains(region.country())) {
      return List.of();
    }
    HolidayManager manager =
        HolidayManager.getInstance(
            ManagerParameters.create(region.country().toLowerCase(Locale.ROOT)));
    Set<Holiday> holidays;
    String subdivision =
        region.parent() == null
            ? null
            : region.code().substring(region.code().indexOf('-') + 1).toLowerCase(Locale.ROOT);
    if (subdivision != null
        && manager.getCalendarHierarchy().getChildren().containsKey(subdivision)) {
      holidays = manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, subdivision);
    } else {
      holidays = manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY);
    }
    Locale local = Locale.forLanguageTag(region.defaultLocale());
    return holidays.stream()
        .sorted(Comparator.comparing(Holiday::getDate))
        .map(
            holiday ->
                new PublicHoliday(
                    holiday.getDate(),
                    holiday.getDescription(Locale.ENGLISH),
                    holiday.getDescription(local)))
        .toList();
  }
}
