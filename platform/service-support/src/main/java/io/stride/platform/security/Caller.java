package io.stride.platform.security;

import java.util.UUID;

/**
 * Whoever calls, user or client: {@code userId} is set for tokens issued to a user and null for
 * client-credentials tokens (partner apps), which may only see what is public.
 */
public record Caller(UUID userId, String clientId) {

  public boolean isUser() {
    return userId != null;
  }

  /** Whether this caller is the given user. */
  public boolean is(UUID user) {
    return userId != null && userId.equals(user);
  }
}
