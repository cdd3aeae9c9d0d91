package io.stride.region.regions;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.StrideIntegrationTest;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The regions Stride starts with, held to the standards' lists (no invented code). */
@StrideIntegrationTest
class RegionSeedIntegrationTests {

  @Autowired RegionDirectory directory;
  @Autowired RegionRepository regions;
  @Autowired Holidays holidays;

  @Test
  void atLeastThirtyCountriesAreSeededEachAnIsoCountryWithTheCurrencyItUsesToday() {
    List<RegionResponse> countries =
        directory.all().stream()
            .map(RegionDirectory.Entry::region)
            .filter(region -> region.parent() == null)
            .toList();
    assertThat(countries).hasSizeGreaterThanOrEqualTo(30);
    Set<String> iso = Set.of(Locale.getISOCountries());
    for (RegionResponse country : countries) {
      assertThat(iso).as(country.code()).contains(country.code());
      assertThat(country.currency())
          .as(country.code() + "'s currency, as ISO 4217 data in the JDK assigns it")
          .isEqualTo(
              Currency.getInstance(new Locale.Builder().setRegion(country.code()).build())
                  .getCurrencyCode());
    }
  }

  @Test
  void everyRegionStartsWithItsPublicHolidaysAsRestDaysOfAStreak() {
    assertThat(directory.all())
        .extracting(RegionDirectory.Entry::region)
        .allSatisfy(
            region ->
                assertThat(region.flags())
                    .as(region.code())
                    .containsEntry("holiday_rest_days", true));
  }

  @Test
  void everyStoredRowFollowsTheRulesAndEverySubdivisionDiffersFromItsCountry() {
    for (Region row : regions.findAll()) {
      assertThat(RegionRules.problems(row.code(), directory.settingsOf(row)))
          .as(row.code())
          .isEmpty();
      if (row.parentCode() == null) {
        continue;
      }
      RegionResponse subdivision = directory.find(row.code()).orElseThrow().region();
      RegionResponse country = directory.find(row.parentCode()).orElseThrow().region();
      boolean ownSettings =
          !subdivision.locales().equals(country.locales())
              || !subdivision.defaultLocale().equals(country.defaultLocale())
              || !subdivision.timeZones().equals(country.timeZones())
              || subdivision.minimumAge() != country.minimumAge();
      boolean ownHolidays =
          !holidays.of(subdivision, 2026).stream()
              .map(Holidays.PublicHoliday::date)
              .toList()
              .equals(
                  holidays.of(country, 2026).stream().map(Holidays.PublicHoliday::date).toList());
      assertThat(ownSettings || ownHolidays)
          .as(row.code() + " has settings or holidays of its own")
          .isTrue();
    }
  }

  @Test
  void theRulesRefuseInventedAndWithdrawnCodes() {
    RegionSettings wrong =
        new RegionSettings(
            "furlongs",
            List.of("xx-QQ", "de-DE"),
            "fr-FR",
            "FRF",
            List.of("Mars/Olympus_Mons"),
            9,
            new RegionSettings.Legal("", 0),
            java.util.Map.of("teleportation", true));
    assertThat(RegionRules.problems("QQ", wrong))
        .extracting(problem -> problem.field())
        .contains(
            "code",
            "units",
            "locales",
            "defaultLocale",
            "currency",
            "timeZones",
            "minimumAge",
            "legal.rawReadingRetentionDays",
            "legal.consentVersion",
            "flags.teleportation",
            "flags");
    assertThat(RegionRules.knownCode("DE-BY")).isTrue();
    assertThat(RegionRules.knownCode("DE-XX")).isFalse();
  }
}
