package io.stride.platform.regions;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.stride.contracts.region.RegionSettingsChanged;
import io.stride.platform.events.EventsAutoConfiguration;
import io.stride.platform.events.StateFollowers;
import io.stride.platform.events.StateSubscription;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The region copy for a service that sets {@code stride.regions.url} (ADR 0024): the copy, its
 * subscription to the state topic, the warm-up from the read API, {@code /actuator/regions} and the
 * {@code stride_regions_copy_regions} gauge.
 */
@AutoConfiguration(after = EventsAutoConfiguration.class)
@ConditionalOnProperty(prefix = "stride.regions", name = "url")
@EnableConfigurationProperties(RegionsProperties.class)
public class RegionsAutoConfiguration {

  @Bean
  RegionSettingsCopy strideRegionSettingsCopy(
      ObjectProvider<Clock> clock, ObjectProvider<StateFollowers> followers, MeterRegistry meters) {
    RegionSettingsCopy copy =
        new RegionSettingsCopy(
            clock.getIfAvailable(Clock::systemUTC),
            () -> {
              StateFollowers active = followers.getIfAvailable();
              return active != null && active.caughtUp(RegionSettingsChanged.class);
            });
    Gauge.builder("stride.regions.copy.regions", copy, RegionSettingsCopy::size)
        .description("Regions in this replica's copy of region-service's settings")
        .register(meters);
    return copy;
  }

  @Bean
  StateSubscription<RegionSettingsChanged> strideRegionSettingsSubscription(
      RegionSettingsCopy copy) {
    return new StateSubscription<>(
        RegionSettingsChanged.class, envelope -> copy.apply(envelope.payload()));
  }

  @Bean
  RegionReadApiWarmUp strideRegionReadApiWarmUp(
      RegionSettingsCopy copy, RegionsProperties properties) {
    return new RegionReadApiWarmUp(copy, properties);
  }

  @Bean
  RegionsEndpoint strideRegionsEndpoint(RegionSettingsCopy copy) {
    return new RegionsEndpoint(copy);
  }
}
