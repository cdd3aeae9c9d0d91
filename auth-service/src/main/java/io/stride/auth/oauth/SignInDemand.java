package io.stride.auth.oauth;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What an OpenID Connect authentication request asks of the user's sign-in (OIDC Core §3.1.2.1):
 * {@code prompt=none} (no page may be shown), {@code prompt=login} (sign in again), {@code max_age}
 * (a sign-in no older than this).
 *
 * @param none {@code prompt} contains {@code none}
 * @param login {@code prompt} contains {@code login}
 * @param maxAge the {@code max_age}, or null when not given
 */
record SignInDemand(boolean none, boolean login, Duration maxAge) {

  static final String PROMPT = "prompt";
  static final String MAX_AGE = "max_age";

  /**
   * @param prompt the {@code prompt} parameter (space-separated values), or null
   * @param maxAge the {@code max_age} parameter, or null
   * @throws IllegalArgumentException when {@code max_age} is not a number of seconds
   */
  static SignInDemand of(String prompt, String maxAge) {
    List<String> prompts = prompt == null ? List.of() : Arrays.asList(prompt.split(" "));
    return new SignInDemand(
        prompts.contains("none"),
        prompts.contains("login"),
        maxAge == null ? null : seconds(maxAge));
  }

  private static Duration seconds(String maxAge) {
    if (!maxAge.matches("[0-9]{1,10}")) {
      throw new IllegalArgumentException("max_age must be a whole number of seconds");
    }
    return Duration.ofSeconds(Long.parseLong(maxAge));
  }

  /** Whether the request asks for more than "any sign-in will do". */
  boolean asksForRecentSignIn() {
    return login || maxAge != null;
  }

  /** Whether a sign-in at {@code signedInAt} is recent enough, without signing in again. */
  boolean metBy(Instant signedInAt, Instant now) {
    return !login && (maxAge == null || !signedInAt.plus(maxAge).isBefore(now));
  }
}
