package io.stride.auth.accounts;

import io.stride.platform.web.InvalidRequestException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * NIST SP 800-63B style: a length floor and a block list of common passwords, no composition rules.
 * The list ships as {@code common-passwords.txt}.
 */
final class PasswordPolicy {

  static final int MIN_LENGTH = 10;
  static final int MAX_LENGTH = 128;

  private final Set<String> common;

  PasswordPolicy(Set<String> common) {
    this.common = common;
  }

  static PasswordPolicy withBundledList() {
    try (var in =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(
                    PasswordPolicy.class.getResourceAsStream("/common-passwords.txt"),
                    "common-passwords.txt"),
                StandardCharsets.UTF_8))) {
      return new PasswordPolicy(
          in.lines()
              .map(String::trim)
              .filter(line -> !line.isEmpty() && !line.startsWith("#"))
              .map(line -> line.toLowerCase(Locale.ROOT))
              .collect(Collectors.toUnmodifiableSet()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void check(String password, String email, String displayName) {
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      throw InvalidRequestException.of(
          "password", "must be at least " + MIN_LENGTH + " characters long");
    }
    if (length > MAX_LENGTH) {
      throw InvalidRequestException.of(
          "password", "must be at most " + MAX_LENGTH + " characters long");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (common.contains(lower)) {
      throw InvalidRequestException.of(
          "password", "is one of the most common passwords; choose another");
    }
    String localPart = email.split("@", 2)[0].toLowerCase(Locale.ROOT);
    if (lower.equals(email.toLowerCase(Locale.ROOT))
        || (localPart.length() >= 4 && lower.contains(localPart))
        || lower.equals(displayName.toLowerCase(Locale.ROOT))) {
      throw InvalidRequestException.of("password", "must not contain your email or name");
    }
    if (lower.chars().distinct().count() < 4) {
      throw InvalidRequestException.of("password", "uses too few different characters");
    }
  }
}
