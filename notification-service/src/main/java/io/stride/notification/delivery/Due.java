package io.stride.notification.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery claimed for sending. {@code userId}: the person it goes to (null for an email to a
 * partner's contact, whose address is in the payload); {@code payload}: an account or partner
 * email's data, as JSON; {@code subscriptionId}: the device or browser a push goes to (null for
 * email, or when it was removed).
 */
public record Due(
    UUID id,
    UUID userId,
    String channel,
    String kind,
    UUID notificationId,
    UUID subscriptionId,
    String payload,
    int attempts,
    Instant createdAt) {}
