package io.stride.platform.security;

import java.util.UUID;

/**
 * The user a request acts for, taken from the access token's {@code uid} claim. Declare it as a
 * controller method parameter; tokens issued to a client rather than a user are refused with 403.
 */
public record CurrentUser(UUID id) {}
