package io.stride.platform.http;

import java.util.function.Predicate;

/**
 * Which header values the security firewalls accept: RFC 9110 field values (visible characters,
 * space, tab, and obs-text), no control characters. A plain loop: Spring Security's default
 * Unicode-class regex costs more CPU than the rest of a simple request when it meets a 1 KB bearer
 * token (measured: it took over half the profile-service CPU under load).
 */
public final class HeaderValues {

  public static final Predicate<String> VALID = HeaderValues::isValid;

  private HeaderValues() {}

  /** Whether the value may pass; {@code null} (the header is absent) passes. */
  public static boolean isValid(String value) {
    if (value == null) {
      return true;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return false;
      }
    }
    return true;
  }
}
