package io.stride.gamification.holidays;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Public holidays of a region, from the same Jollyday calendars region-service serves (ADR 0023):
 * the country's, plus a subdivision's own where the calendar knows it ({@code DE-BY} → {@code by}).
 * Holidays are derived from the code and the year alone, so they are computed here, once per region
 * and year, rather than asked of region-service.
 */
@Component
public class RegionHolidays {

  private final Map<String, Set<LocalDate>> byRegionAndYear = new ConcurrentHashMap<>();

  /** Whether a day is a public holiday in {@code region}; never for no region. */
  public Predicate<LocalDate> of(String region) {
    if (region == null || region.isBlank()) {
      return day -> false;
    }
    return day -> holidays(region, day.getYear()).contains(day);
  }

  private Set<LocalDate> holidays(String region, int year) {
    return byRegionAndYear.computeIfAbsent(region + "/" + year, key -> load(region, year));
  }

  private static Set<LocalDate> load(String region, int year) {
    int dash = region.indexOf('-');
    String country = dash < 0 ? region : region.substring(0, dash);
    if (!HolidayManager.getSupportedCalendarCodes().contains(country)) {
      return Set.of();
    }
    HolidayManager manager =
        HolidayManager.getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT)));
    String subdivision = dash < 0 ? null : region.substring(dash + 1).toLowerCase(Locale.ROOT);
    Set<Holiday> holidays =
        subdivision != null && manager.getCalendarHierarchy().getChildren().containsKey(subdivision)
            ? manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, subdivision)
            : manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY);
    return holidays.stream().map(Holiday::getDate).collect(Collectors.toUnmodifiableSet());
  }
}
