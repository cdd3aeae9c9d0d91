package io.stride.region.regions;

import io.stride.contracts.region.RegionSettingsChanged;
import io.stride.platform.events.EventPublisher;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the state topic {@code stride.region.regions} equal to the table (ADR 0024): every region
 * whose effective settings' revision moved past the one last published gets a {@code
 * RegionSettingsChanged} through the outbox, in the transaction that moved it. A change to a
 * country so also publishes each subdivision that inherits from it. At start, whatever was never
 * published (the seed, a region added by a migration) is.
 */
@Component
class RegionPublication {

  private static final Logger log = LoggerFactory.getLogger(RegionPublication.class);

  private final RegionRepository regions;
  private final RegionDirectory directory;
  private final EventPublisher events;
  private final JdbcClient jdbc;
  private final Clock clock;

  RegionPublication(
      RegionRepository regions,
      RegionDirectory directory,
      EventPublisher events,
      JdbcClient jdbc,
      Clock clock) {
    this.regions = regions;
    this.directory = directory;
    this.events = events;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Publishes what the table holds and the topic does not yet, once the service is up. */
  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  public void publishUnpublished() {
    int published =
        publish(directory.entriesOf(RegionDirectory.byCode(regions.findAll())).values()).size();
    if (published > 0) {
      log.info("Published the settings of {} regions not on the topic yet", published);
    }
  }

  /**
   * Publishes the regions of {@code country} (the country and its subdivisions) whose effective
   * settings changed; inside the transaction of the change, after it is flushed.
   *
   * @return the answer and tag of every region of the country, as the change leaves them
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Map<String, RegionDirectory.Entry> publishChangesIn(String country) {
    Map<String, RegionDirectory.Entry> entries =
        directory.entriesOf(RegionDirectory.byCode(regions.findByCountry(country)));
    publish(entries.values());
    return entries;
  }

  /** Publishes each of {@code entries} whose revision moved past the marker; returns those. */
  private List<RegionDirectory.Entry> publish(Collection<RegionDirectory.Entry> entries) {
    List<RegionDirectory.Entry> published = new ArrayList<>();
    for (RegionDirectory.Entry entry : entries) {
      RegionResponse settings = entry.region();
      // a row lock on the marker: of two replicas or two changes, one publishes each revision
      int moved =
          jdbc.sql(
                  "insert into region_publication (code, revision, published_at) values (?, ?, ?)"
                      + " on conflict (code) do update set revision = excluded.revision,"
                      + " published_at = excluded.published_at"
                      + " where region_publication.revision < excluded.revision")
              .params(settings.code(), settings.revision(), Timestamp.from(clock.instant()))
              .update();
      if (moved == 1) {
        events.publish(eventOf(settings));
        published.add(entry);
      }
    }
    return published;
  }

  static RegionSettingsChanged eventOf(RegionResponse region) {
    return new RegionSettingsChanged(
        region.code(),
        region.name(),
        region.country(),
        region.parent(),
        region.units(),
        region.locales(),
        region.defaultLocale(),
        region.currency(),
        region.timeZones(),
        region.firstDayOfWeek(),
        region.minimumAge(),
        new RegionSettingsChanged.Legal(
            region.legal().consentVersion(), region.legal().rawReadingRetentionDays()),
        region.flags(),
        region.revision());
  }
}
