package io.stride.region.regions;

import org.jspecify.annotations.Nullable;

/**
 * One region in the list: enough to pick it; its settings are at {@code /api/v1/regions/{code}}.
 */
record RegionSummary(String code, String name, String country, @Nullable String parent) {}
