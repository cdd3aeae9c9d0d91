package io.stride.notification.people;

import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

/**
 * What notifications need of a person: how they are named, where and when they live, and where
 * their email goes (only verified addresses get notices; account emails go to any).
 */
public record Person(
    UUID userId,
    String displayName,
    String avatarUrl,
    ZoneId zone,
    Locale locale,
    String email,
    boolean emailVerified) {}
