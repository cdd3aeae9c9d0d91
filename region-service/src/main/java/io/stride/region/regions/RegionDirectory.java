package io.stride.region.regions;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stride.platform.http.EntityTags;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every region's effective settings, computed once from the table and kept in memory with the
 * entity tag of its JSON (ADR 0023): a read costs a map lookup, and a client or CDN that has the
 * answer gets a 304. {@link #reload} rebuilds it after a change.
 */
@Component
class RegionDirectory {

  /** One region's answer and its strong entity tag. */
  record Entry(RegionResponse region, String entityTag) {}

  /** Every region's effective settings in one answer, for services' local copies. */
  record AllRegionSettings(List<RegionResponse> regions) {}

  /** {@link AllRegionSettings} and its strong entity tag. */
  record Snapshot(AllRegionSettings settings, String entityTag) {}

  private final RegionRepository regions;
  private final JsonMapper json;
  private final JdbcClient jdbc;
  private volatile Map<String, Entry> entries = Map.of();
  private volatile Snapshot snapshot;
  private volatile String loadedStamp = "";

  private final Timer reloads;

  RegionDirectory(
      RegionRepository regions, JsonMapper json, JdbcClient jdbc, MeterRegistry meters) {
    this.regions = regions;
    this.json = json;
    this.jdbc = jdbc;
    this.reloads =
        Timer.builder("stride.region.directory.reload")
            .description("Rebuilding every region's effective settings and entity tag")
            .publishPercentileHistogram()
            .register(meters);
    Gauge.builder("stride.region.regions", this, directory -> directory.entries.size())
        .description("Regions served from memory")
        .register(meters);
    reload();
  }

  /**
   * Reloads when the table changed since the last load, e.g. by another replica: every region's
   * version and update time, summed up in one cheap query ({@code stride.regions.refresh}, 10 s).
   */
  @Scheduled(
      fixedDelayString = "${stride.regions.refresh:PT10S}",
      initialDelayString = "${stride.regions.refresh:PT10S}")
  void reloadIfChanged() {
    String stamp = stamp();
    if (!stamp.equals(loadedStamp)) {
      reload(stamp);
    }
  }

  private String stamp() {
    return jdbc.sql(
            "select count(*) || ':' || coalesce(sum(version), 0) || ':'"
                + " || coalesce(max(updated_at)::text, '') from region")
        .query(String.class)
        .single();
  }

  Optional<Entry> find(String code) {
    return Optional.ofNullable(entries.get(code));
  }

  /** Every region's effective settings, in code order, with the tag of that answer. */
  Snapshot snapshot() {
    return snapshot;
  }

  /** Every region in code order. */
  Collection<Entry> all() {
    return entries.values();
  }

  /** The entity tag of any JSON answer: a hash of its bytes as the platform writes them. */
  String entityTagOf(Object answer) {
    return EntityTags.of(json.writeValueAsString(answer));
  }

  final void reload() {
    reload(stamp());
  }

  /** Rebuilds every entry from the table, whose state {@code stamp} summed up just before. */
  private synchronized void reload(String stamp) {
    reloads.record(() -> rebuild(stamp));
  }

  private void rebuild(String stamp) {
    Map<String, Entry> built = entriesOf(byCode(regions.findAll()));
    AllRegionSettings all =
        new AllRegionSettings(built.values().stream().map(Entry::region).toList());
    snapshot = new Snapshot(all, entityTagOf(all));
    entries = java.util.Collections.unmodifiableMap(built);
    loadedStamp = stamp;
  }

  /** Table rows by code, in code order. */
  static Map<String, Region> byCode(Iterable<Region> rows) {
    Map<String, Region> byCode = new TreeMap<>();
    rows.forEach(row -> byCode.put(row.code(), row));
    return byCode;
  }

  /** The answer and tag of each of {@code rows} (whole countries: each with its country). */
  Map<String, Entry> entriesOf(Map<String, Region> rows) {
    Map<String, Entry> built = new LinkedHashMap<>();
    for (Region region : rows.values()) {
      built.put(region.code(), entryOf(region, rows));
    }
    return built;
  }

  /**
   * A region's answer and tag from table rows ({@code rows} holds at least it, its country and its
   * subdivisions): what {@link #find} serves, and what a conditional write compares its {@code
   * If-Match} with inside its transaction.
   */
  Entry entryOf(Region region, Map<String, Region> rows) {
    RegionSettings own = settingsOf(region);
    var problems = RegionRules.problems(region.code(), own);
    if (!problems.isEmpty()) {
      // only a damaged table gets here: the seed is tested and writes are checked first
      throw new IllegalStateException("region " + region.code() + " breaks the rules: " + problems);
    }
    Region parent = region.parentCode() == null ? null : rows.get(region.parentCode());
    RegionSettings effective = parent == null ? own : own.over(settingsOf(parent));
    long revision = region.version() + (parent == null ? 0 : parent.version());
    List<String> subdivisions =
        rows.values().stream()
            .filter(row -> region.code().equals(row.parentCode()))
            .map(Region::code)
            .sorted()
            .toList();
    RegionResponse response = response(region, effective, subdivisions, revision);
    return new Entry(response, entityTagOf(response));
  }

  RegionSettings settingsOf(Region region) {
    return json.readValue(region.settingsJson(), RegionSettings.class);
  }

  tools.jackson.databind.JsonNode parse(String text) {
    return json.readTree(text);
  }

  String jsonOf(Object value) {
    return json.writeValueAsString(value);
  }

  private static RegionResponse response(
      Region region, RegionSettings settings, List<String> subdivisions, long revision) {
    return new RegionResponse(
        region.code(),
        region.name(),
        region.country(),
        region.parentCode(),
        List.copyOf(subdivisions),
        settings.units(),
        settings.locales(),
        settings.defaultLocale(),
        settings.currency(),
        settings.timeZones(),
        settings.timeZones().get(0),
        Formats.firstDayOfWeek(region.country()),
        settings.minimumAge(),
        settings.legal(),
        new TreeMap<>(settings.flags()),
        Formats.of(settings.defaultLocale(), settings.units(), settings.currency()),
        region.version(),
        revision);
  }
}
