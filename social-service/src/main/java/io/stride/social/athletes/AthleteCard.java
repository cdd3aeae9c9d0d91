package io.stride.social.athletes;

import java.util.UUID;

/** What one athlete shows another: name, picture, and whether the account is private. */
public record AthleteCard(UUID id, String displayName, String avatarUrl, boolean accountPrivate) {}
