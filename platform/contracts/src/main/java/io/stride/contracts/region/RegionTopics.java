package io.stride.contracts.region;

import io.stride.contracts.Topic;

/** Topics written by region-service. */
public final class RegionTopics {

  /**
   * Every region's effective settings, the latest per region kept forever (a state topic); key =
   * region code. Services follow it whole into a local copy.
   */
  public static final Topic REGIONS =
      Topic.state("stride.region.regions", "region-service", RegionSettingsChanged.class);

  private RegionTopics() {}
}
