package io.stride.region.regions;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A change to a region, sent with {@code If-Match}: the name and the settings given replace the
 * stored ones ({@code legal} and {@code flags} entry by entry); what is left out stays.
 *
 * @param inherit settings a subdivision stops overriding, so its country's apply again ({@code
 *     units}, {@code locales}, {@code defaultLocale}, {@code currency}, {@code timeZones}, {@code
 *     minimumAge}, {@code legal}, {@code flags})
 */
record UpdateRegionRequest(
    @Nullable @Size(min = 1, max = 100) @Schema(example = "Nordrhein-Westfalen") String name,
    @Nullable RegionSettings settings,
    @Nullable @Size(max = 8) @Schema(example = "[\"timeZones\"]") List<String> inherit) {}
