package io.stride.platform.regions;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/regions}: what this replica's region copy holds (each region's revision),
 * whether the read API warmed it and the state topic has been read whole; {@code
 * /actuator/regions/{code}} one region's revision. For operators, and for the benchmark that times
 * a change's way here.
 */
@Endpoint(id = "regions")
class RegionsEndpoint {

  record CopyState(
      int size,
      @Nullable Instant warmedAt,
      boolean caughtUpWithTopic,
      @Nullable Instant lastChange,
      Map<String, Long> revisions) {}

  record RegionState(String code, long revision) {}

  private final RegionSettingsCopy copy;

  RegionsEndpoint(RegionSettingsCopy copy) {
    this.copy = copy;
  }

  @ReadOperation
  CopyState state() {
    Map<String, Long> revisions = copy.revisions();
    return new CopyState(
        revisions.size(), copy.warmedAt(), copy.topicReadWhole(), copy.lastChange(), revisions);
  }

  @ReadOperation
  @Nullable RegionState region(@Selector String code) {
    return copy.find(code).map(r -> new RegionState(r.code(), r.revision())).orElse(null);
  }
}
