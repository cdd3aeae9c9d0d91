package io.stride.platform.http;

import java.util.Optional;

/**
 * One reading of a request path for every decision that depends on it (routes, rate limits,
 * throttles, security rules), so {@code /%6Cogin} is {@code /login} everywhere and never slips past
 * a check that compared the raw text.
 *
 * <p>{@link #canonical} applies RFC 3986 §6.2.2 normalization: percent-encoded <em>unreserved</em>
 * characters ({@code A–Z a–z 0–9 - . _ ~}) are decoded and the hex digits of every other escape are
 * upper-cased. Paths that different parsers could read differently are refused instead: an encoded
 * {@code /}, {@code \} or {@code .}, an encoded {@code %} (double encoding), a control character,
 * dot segments, empty segments, a {@code ;} (path parameters), a backslash, or a malformed escape.
 */
public final class RequestPaths {

  private static final String HEX = "0123456789ABCDEF";

  private RequestPaths() {}

  /** Why a path was refused, in words for a problem {@code detail}. */
  public static final class AmbiguousPathException extends IllegalArgumentException {
    AmbiguousPathException(String reason) {
      super("The request path is ambiguous: " + reason + ".");
    }
  }

  /**
   * The canonical form of a raw (still encoded) path.
   *
   * @throws AmbiguousPathException when the path could be read in more than one way
   */
  public static String canonical(String rawPath) {
    if (isPlain(rawPath)) {
      return rawPath;
    }
    StringBuilder out = new StringBuilder(rawPath.length());
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c == '%') {
        if (i + 2 >= rawPath.length()
            || HEX.indexOf(Character.toUpperCase(rawPath.charAt(i + 1))) < 0
            || HEX.indexOf(Character.toUpperCase(rawPath.charAt(i + 2))) < 0) {
          throw new AmbiguousPathException("malformed percent-encoding");
        }
        int value =
            HEX.indexOf(Character.toUpperCase(rawPath.charAt(i + 1))) * 16
                + HEX.indexOf(Character.toUpperCase(rawPath.charAt(i + 2)));
        refuseEncoded(value);
        if (isUnreserved(value)) {
          out.append((char) value);
        } else {
          out.append('%').append(HEX.charAt(value >> 4)).append(HEX.charAt(value & 0xF));
        }
        i += 2;
      } else {
        refuseRaw(c);
        out.append(c);
      }
    }
    String canonical = out.toString();
    refuseSegments(canonical);
    return canonical;
  }

  /** {@link #canonical}, or empty when the path is ambiguous. */
  public static Optional<String> tryCanonical(String rawPath) {
    try {
      return Optional.of(canonical(rawPath));
    } catch (AmbiguousPathException e) {
      return Optional.empty();
    }
  }

  /** The common case, checked in one pass: nothing to decode and nothing to refuse. */
  private static boolean isPlain(String path) {
    char previous = 0;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '%' || c == ';' || c == '\\' || c < 0x20 || c == 0x7f) {
        return false;
      }
      if (c == '/' && previous == '/') {
        return false;
      }
      if (c == '.' && previous == '/') {
        return false; // possibly a dot segment: let the full check decide
      }
      previous = c;
    }
    return true;
  }

  private static void refuseEncoded(int value) {
    switch (value) {
      case '/' -> throw new AmbiguousPathException("encoded '/' (%2F)");
      case '\\' -> throw new AmbiguousPathException("encoded '\\' (%5C)");
      case '.' -> throw new AmbiguousPathException("encoded '.' (%2E)");
      case '%' -> throw new AmbiguousPathException("encoded '%' (%25, double encoding)");
      case ';' -> throw new AmbiguousPathException("encoded ';' (%3B)");
      default -> {
        if (value < 0x20 || value == 0x7f) {
          throw new AmbiguousPathException("encoded control character");
        }
      }
    }
  }

  private static void refuseRaw(char c) {
    if (c == ';') {
      throw new AmbiguousPathException("';' (path parameters)");
    }
    if (c == '\\') {
      throw new AmbiguousPathException("'\\'");
    }
    if (c < 0x20 || c == 0x7f) {
      throw new AmbiguousPathException("control character");
    }
  }

  private static void refuseSegments(String path) {
    if (path.contains("//")) {
      throw new AmbiguousPathException("empty path segment ('//')");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        throw new AmbiguousPathException("dot segment ('" + segment + "')");
      }
    }
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
