package io.stride.promo.codes;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * What a code looks like. Generated codes are 10 characters of a 31-character alphabet without
 * look-alikes (no 0/O, 1/I/L), 49.5 bits from {@link SecureRandom}, shown as {@code XXXXX-XXXXX}; a
 * shared code an admin chooses is 4 to 32 letters and digits. Codes are case-insensitive: spaces
 * and dashes are ignored and letters compared in upper case.
 */
public final class CodeFormat {

  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  static final int LENGTH = 10;

  private static final SecureRandom RANDOM = new SecureRandom();

  private CodeFormat() {}

  /** A new random code, normalized (no dash). */
  static String generate() {
    char[] code = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
    }
    return new String(code);
  }

  /** How a generated code is shown: {@code 7KQ2M-XH4PD}. */
  static String display(String normalized) {
    return normalized.length() == LENGTH
        ? normalized.substring(0, 5) + "-" + normalized.substring(5)
        : normalized;
  }

  /** The code as stored and compared, or empty when it cannot be any code. */
  public static Optional<String> normalize(String typed) {
    if (typed == null || typed.length() > 64) {
      return Optional.empty();
    }
    StringBuilder code = new StringBuilder(typed.length());
    for (int i = 0; i < typed.length(); i++) {
      char c = typed.charAt(i);
      if (c == '-' || c == ' ') {
        continue;
      }
      char upper = Character.toUpperCase(c);
      if (!((upper >= 'A' && upper <= 'Z') || (upper >= '0' && upper <= '9'))) {
        return Optional.empty();
      }
      code.append(upper);
    }
    return code.length() >= 4 && code.length() <= 32
        ? Optional.of(code.toString().toUpperCase(Locale.ROOT))
        : Optional.empty();
  }
}
