package io.stride.social.graph;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An athlete in a list: who, and since when they are in it (followed, asked, blocked, muted). */
record Person(UUID athleteId, String displayName, @Nullable String avatarUrl, Instant since) {}
