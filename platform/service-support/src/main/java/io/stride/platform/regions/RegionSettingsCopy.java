package io.stride.platform.regions;

import io.stride.contracts.region.RegionSettingsChanged;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * This replica's copy of every region's effective settings (ADR 0024): fed by {@code
 * RegionSettingsChanged} from the state topic {@code stride.region.regions}, warmed at start from
 * region-service's read API, never a call per request. When region-service is down it keeps serving
 * what it last had; after a restart the compacted topic gives it back.
 *
 * <p>Of two states of a region it keeps the one with the higher revision, so the order in which the
 * topic and the read API deliver them does not matter, and neither do repeats.
 */
public class RegionSettingsCopy {

  private final Map<String, RegionSettingsChanged> regions = new ConcurrentHashMap<>();
  private final Clock clock;
  private final BooleanSupplier topicReadWhole;
  private volatile @Nullable Instant lastChange;
  private volatile @Nullable Instant warmedAt;

  /**
   * @param topicReadWhole whether the state topic has been read up to where it stood at start
   */
  public RegionSettingsCopy(Clock clock, BooleanSupplier topicReadWhole) {
    this.clock = clock;
    this.topicReadWhole = topicReadWhole;
  }

  /** The region's effective settings, if the copy knows it. */
  public Optional<RegionSettingsChanged> find(String code) {
    return Optional.ofNullable(regions.get(code));
  }

  /**
   * The first day of the week in region {@code code}; Monday (ISO 8601) without a region, for a
   * region the copy does not know, or one that sets none.
   */
  public DayOfWeek firstDayOfWeek(@Nullable String code) {
    RegionSettingsChanged region = code == null ? null : regions.get(code);
    return region == null || region.firstDayOfWeek() == null
        ? DayOfWeek.MONDAY
        : DayOfWeek.valueOf(region.firstDayOfWeek().toUpperCase(Locale.ROOT));
  }

  /** Whether {@code code} is a region, as far as the copy knows. */
  public boolean knows(String code) {
    return regions.containsKey(code);
  }

  /**
   * Whether the copy is complete: the read API warmed it, or the state topic has been read whole.
   * Before that a code it does not hold may still be coming, so it cannot call it unknown.
   */
  public boolean isLoaded() {
    return warmedAt != null || (topicReadWhole() && !regions.isEmpty());
  }

  /** Every region code with the revision held, in code order. */
  public Map<String, Long> revisions() {
    Map<String, Long> revisions = new TreeMap<>();
    regions.forEach((code, region) -> revisions.put(code, region.revision()));
    return revisions;
  }

  /** Whether the state topic has been read up to where it stood when this replica started. */
  public boolean topicReadWhole() {
    return topicReadWhole.getAsBoolean();
  }

  /** How many regions the copy holds. */
  public int size() {
    return regions.size();
  }

  /** When the read API last answered in full; {@code null} until it has. */
  public @Nullable Instant warmedAt() {
    return warmedAt;
  }

  /** When a state last changed the copy; {@code null} while empty. */
  public @Nullable Instant lastChange() {
    return lastChange;
  }

  /**
   * Keeps {@code region} unless the copy has the same or a newer revision of it.
   *
   * @return whether it changed the copy
   */
  boolean apply(RegionSettingsChanged region) {
    boolean[] changed = {false};
    regions.compute(
        region.code(),
        (code, held) -> {
          if (held == null || region.revision() > held.revision()) {
            changed[0] = true;
            return region;
          }
          return held;
        });
    if (changed[0]) {
      lastChange = clock.instant();
    }
    return changed[0];
  }

  void warmed() {
    warmedAt = clock.instant();
  }
}
