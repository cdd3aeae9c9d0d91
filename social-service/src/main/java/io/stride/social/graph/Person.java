package io.stride.social.graph;

import java.time.Instant;
import java.util.UUID;

/** An athlete in a list: who, and since when they are in it (followed, asked, blocked, muted). */
record Person(UUID athleteId, String displayName, String avatarUrl, Instant since) {}
