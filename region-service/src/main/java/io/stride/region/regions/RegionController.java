package io.stride.region.regions;

import io.stride.platform.paging.Cursor;
import io.stride.platform.paging.Page;
import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The public read API (ADR 0023): no token needed, every answer with a strong entity tag and a
 * lifetime a CDN may keep, and a 304 to a client that already has it.
 */
@Tag(name = "Regions")
@Validated
@RestController
@RequestMapping("/api/v1/regions")
class RegionController {

  /** Shared caches keep an answer 5 minutes and serve it stale for a day if we are down. */
  static final CacheControl CACHEABLE =
      CacheControl.maxAge(Duration.ofMinutes(5))
          .cachePublic()
          .staleWhileRevalidate(Duration.ofMinutes(1))
          .staleIfError(Duration.ofDays(1));

  private final RegionDirectory directory;
  private final Holidays holidays;
  private final RegionResolver resolver;

  RegionController(RegionDirectory directory, Holidays holidays, RegionResolver resolver) {
    this.directory = directory;
    this.holidays = holidays;
    this.resolver = resolver;
  }

  @Operation(
      operationId = "listRegions",
      summary = "Regions in code order, countries and subdivisions")
  @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "304", description = "Not modified: the If-None-Match tag is current")
  @GetMapping
  ResponseEntity<Page<RegionSummary>> list(
      @Parameter(description = "Only this country and its subdivisions (ISO 3166-1 alpha-2)")
          @RequestParam(required = false)
          @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
          @Nullable String country,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
      WebRequest request) {
    String after = Cursor.decode(cursor, Cursor.Key::text);
    List<RegionSummary> fetched =
        directory.all().stream()
            .map(RegionResolver::summary)
            .filter(region -> country == null || region.country().equalsIgnoreCase(country))
            .filter(region -> after == null || region.code().compareTo(after) > 0)
            .limit(limit + 1L)
            .toList();
    Page<RegionSummary> page = Page.of(fetched, limit, region -> Cursor.of(region.code()));
    return cached(request, page, directory.entityTagOf(page));
  }

  @Operation(
      operationId = "listRegionSettings",
      summary =
          "Every region's effective settings in one answer: what services warm their local copy"
              + " with (the stride.region.regions topic keeps it current)")
  @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "304", description = "Not modified: the If-None-Match tag is current")
  @GetMapping("/settings")
  ResponseEntity<RegionDirectory.AllRegionSettings> settings(WebRequest request) {
    RegionDirectory.Snapshot snapshot = directory.snapshot();
    return cached(request, snapshot.settings(), snapshot.entityTag());
  }

  @Operation(
      operationId = "getRegion",
      summary = "A region's effective settings (a subdivision's own, then its country's)")
  @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "304", description = "Not modified: the If-None-Match tag is current")
  @GetMapping("/{code}")
  ResponseEntity<RegionResponse> get(@PathVariable String code, WebRequest request) {
    RegionDirectory.Entry entry = entry(code);
    return cached(request, entry.region(), entry.entityTag());
  }

  @Operation(
      operationId = "listRegionHolidays",
      summary = "A region's public holidays in a year (its country's, and its own)")
  @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "304", description = "Not modified: the If-None-Match tag is current")
  @GetMapping("/{code}/holidays")
  ResponseEntity<HolidaysResponse> holidays(
      @PathVariable String code,
      @Parameter(description = "The year, 1900 to 2100; this year by default")
          @RequestParam(required = false)
          @Nullable Integer year,
      WebRequest request) {
    int wanted = year == null ? Year.now().getValue() : year;
    if (wanted < Holidays.FIRST_YEAR || wanted > Holidays.LAST_YEAR) {
      throw InvalidRequestException.of(
          "year", "must be between " + Holidays.FIRST_YEAR + " and " + Holidays.LAST_YEAR);
    }
    RegionResponse region = entry(code).region();
    HolidaysResponse answer =
        new HolidaysResponse(region.code(), wanted, holidays.of(region, wanted));
    return cached(request, answer, directory.entityTagOf(answer));
  }

  @Operation(
      operationId = "resolveRegion",
      summary =
          "A best guess at the visitor's region from Accept-Language and a country hint; a default"
              + " for forms, never for eligibility or legal decisions")
  @GetMapping("/resolve")
  ResponseEntity<RegionResolver.Resolution> resolve(
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false)
          @Nullable String acceptLanguage,
      @Parameter(description = "A country the client believes in (ISO 3166-1 alpha-2)")
          @RequestParam(required = false)
          @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
          @Nullable String country) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
        .varyBy(HttpHeaders.ACCEPT_LANGUAGE)
        .body(resolver.resolve(acceptLanguage, country));
  }

  private RegionDirectory.Entry entry(String code) {
    return directory
        .find(code.toUpperCase(Locale.ROOT))
        .orElseThrow(
            () -> new NotFoundException("No region " + code + " (GET /api/v1/regions lists them)"));
  }

  private static <T> ResponseEntity<T> cached(WebRequest request, T body, String entityTag) {
    if (request.checkNotModified(entityTag)) {
      return ResponseEntity.status(304).eTag(entityTag).cacheControl(CACHEABLE).build();
    }
    return ResponseEntity.ok().eTag(entityTag).cacheControl(CACHEABLE).body(body);
  }

  /** A region's public holidays in one year. */
  record HolidaysResponse(String code, int year, List<Holidays.PublicHoliday> holidays) {}
}
