package io.stride.integration.connectors;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A platform Stride can import from, and the athlete's link to it.
 *
 * @param status {@code unlinked}, {@code active} (pulled every hour and when asked), or {@code
 *     reauthorize} (the platform stopped accepting Stride's tokens: link it again)
 * @param importedAfter activities started after this are pulled next
 * @param activities how many activities came from it (imported or skipped)
 */
record ConnectorView(
    String source,
    String name,
    @Schema(allowableValues = {"unlinked", "active", "reauthorize"}) String status,
    @Nullable String accountName,
    @Nullable Instant connectedAt,
    @Nullable Instant importedAfter,
    @Nullable Instant lastSyncedAt,
    @Nullable Instant nextSyncAt,
    @Nullable String lastError,
    long activities) {}
