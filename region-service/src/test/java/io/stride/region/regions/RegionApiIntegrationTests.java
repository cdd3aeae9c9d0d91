package io.stride.region.regions;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@StrideIntegrationTest
class RegionApiIntegrationTests {

  @Autowired HttpJson http;

  @Test
  void aSubdivisionInheritsEverySettingItDoesNotOverrideAndNeedsNoToken() {
    Reply quebec = http.get("/api/v1/regions/CA-QC", null);

    assertThat(quebec.status()).as(quebec.body()).isEqualTo(200);
    JsonNode region = quebec.json();
    assertThat(region.get("parent").asString()).isEqualTo("CA");
    assertThat(region.get("defaultLocale").asString()).as("its own").isEqualTo("fr-CA");
    assertThat(region.get("minimumAge").asInt()).as("its own").isEqualTo(14);
    assertThat(region.get("currency").asString()).as("Canada's").isEqualTo("CAD");
    assertThat(region.get("units").asString()).as("Canada's").isEqualTo("metric");
    assertThat(region.get("flags").get("leaderboards").asBoolean()).as("Canada's").isTrue();
    assertThat(region.get("legal").get("consentVersion").asString()).isEqualTo("2026-01");
    assertThat(http.get("/api/v1/regions/ca", null).json().get("subdivisions").toString())
        .contains("CA-QC", "CA-BC");
  }

  @Test
  void theServiceCountsTheRegionsItServesAndTimesRebuildingThem() {
    String metrics = http.get("/actuator/prometheus", null).body();

    assertThat(metrics).containsPattern("stride_region_regions\\{[^}]*\\} (5[0-9]|[6-9][0-9])");
    assertThat(metrics).contains("stride_region_directory_reload_seconds_bucket");
  }

  @Test
  void formatsAndTheFirstDayOfTheWeekComeFromCldrForTheDefaultLocale() {
    JsonNode germany = http.get("/api/v1/regions/DE", null).json();
    JsonNode us = http.get("/api/v1/regions/US", null).json();

    assertThat(germany.get("firstDayOfWeek").asString()).isEqualTo("MONDAY");
    assertThat(germany.get("formats").get("datePattern").asString()).isEqualTo("dd.MM.yy");
    assertThat(germany.get("formats").get("decimalSeparator").asString()).isEqualTo(",");
    assertThat(germany.get("formats").get("distanceUnit").asString()).isEqualTo("km");
    assertThat(us.get("firstDayOfWeek").asString()).isEqualTo("SUNDAY");
    assertThat(us.get("formats").get("datePattern").asString()).isEqualTo("M/d/yy");
    assertThat(us.get("formats").get("distanceUnit").asString()).isEqualTo("mi");
    assertThat(us.get("defaultTimeZone").asString()).isEqualTo("America/New_York");
  }

  @Test
  void anAnswerCarriesAStrongEntityTagAndASharedCacheLifetimeAndA304WhenUnchanged() {
    Reply first = http.get("/api/v1/regions/DE-BY", null);
    String tag = first.header("ETag");

    assertThat(tag).startsWith("\"").doesNotStartWith("W/");
    assertThat(first.header("Cache-Control")).contains("public", "max-age=300");
    Reply again =
        http.send(
            http.request("/api/v1/regions/DE-BY", null).header("If-None-Match", tag).GET().build());
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(again.header("ETag")).isEqualTo(tag);
    Reply other =
        http.send(
            http.request("/api/v1/regions/DE-BE", null).header("If-None-Match", tag).GET().build());
    assertThat(other.status()).as("another region's tag does not match").isEqualTo(200);
  }

  @Test
  void anUnknownRegionIsA404ProblemAndABadCountryFilterA400Or422NamingIt() {
    Reply unknown = http.get("/api/v1/regions/XX-YY", null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    assertThat(unknown.json().get("detail").asString()).contains("XX-YY");

    Reply badFilter = http.get("/api/v1/regions?country=Germany", null);
    assertThat(badFilter.status()).isIn(400, 422);
    assertThat(badFilter.body()).contains("country");
  }

  @Test
  void theListPagesInCodeOrderWithACursorAndFiltersByCountry() {
    List<String> codes = new ArrayList<>();
    String cursor = null;
    do {
      Reply page =
          http.get("/api/v1/regions?limit=10" + (cursor == null ? "" : "&cursor=" + cursor), null);
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      page.json().get("items").forEach(item -> codes.add(item.get("code").asString()));
      cursor =
          page.json().path("nextCursor").isNull()
              ? null
              : page.json().path("nextCursor").asString(null);
    } while (cursor != null);
    assertThat(codes).hasSizeGreaterThanOrEqualTo(50).isSorted().doesNotHaveDuplicates();

    JsonNode germany = http.get("/api/v1/regions?country=de", null).json();
    List<String> german = new ArrayList<>();
    germany.get("items").forEach(item -> german.add(item.get("code").asString()));
    assertThat(german).containsExactly("DE", "DE-BE", "DE-BY", "DE-NW");
    assertThat(http.get("/api/v1/regions?cursor=%21%21", null).status()).isEqualTo(422);
  }

  @Test
  void holidaysAreTheCountrysPlusTheSubdivisionsOwnForTheYearAsked() {
    List<String> bavaria = holidayDates("DE-BY", 2026);
    List<String> berlin = holidayDates("DE-BE", 2026);
    List<String> germany = holidayDates("DE", 2026);

    assertThat(germany)
        .contains("2026-01-01", "2026-10-03", "2026-12-25")
        .doesNotContain("2026-01-06");
    assertThat(bavaria).as("Epiphany").contains("2026-01-01", "2026-01-06");
    assertThat(berlin)
        .as("International Women's Day")
        .contains("2026-03-08")
        .doesNotContain("2026-01-06");
    Reply tooEarly = http.get("/api/v1/regions/DE/holidays?year=1800", null);
    assertThat(tooEarly.status()).isEqualTo(422);
    assertThat(tooEarly.body()).contains("year");
  }

  @Test
  void resolvingPrefersTheCountryHintThenTheAcceptedLanguagesInOrderThenTheDefault() {
    assertThat(resolve("de-AT,de;q=0.9", null)).isEqualTo("AT accept-language");
    assertThat(resolve("fr;q=0.8, xx-ZZ;q=0.9", null)).isEqualTo("FR accept-language");
    assertThat(resolve("de-AT", "ch")).isEqualTo("CH country-hint");
    assertThat(resolve(null, null)).isEqualTo("US default");
    assertThat(resolve("this is ;; not a header", null)).isEqualTo("US default");
  }

  private String resolve(String acceptLanguage, String country) {
    var request =
        http.request(
            "/api/v1/regions/resolve" + (country == null ? "" : "?country=" + country), null);
    if (acceptLanguage != null) {
      request.header("Accept-Language", acceptLanguage);
    }
    Reply reply = http.send(request.GET().build());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().get("region").get("code").asString()
        + " "
        + reply.json().get("basis").asString();
  }

  private List<String> holidayDates(String code, int year) {
    Reply reply = http.get("/api/v1/regions/" + code + "/holidays?year=" + year, null);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    List<String> dates = new ArrayList<>();
    reply.json().get("holidays").forEach(holiday -> dates.add(holiday.get("date").asString()));
    return dates;
  }
}
