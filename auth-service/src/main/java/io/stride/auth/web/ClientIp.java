package io.stride.auth.web;

/**
 * The client IP as the throttles store it. The address comes from {@code X-Forwarded-For} (the
 * gateway's), so it is whatever text the header carried: anything that cannot be an IP address
 * (longer than the column, control characters) is counted under one shared key instead, which
 * throttles such callers together and never fails the insert.
 */
public final class ClientIp {

  /** Longer than any textual IPv6 address, even with a zone id; the width of the columns. */
  public static final int MAX_LENGTH = 64;

  static final String UNREADABLE = "unreadable";

  private ClientIp() {}

  public static String key(String remoteAddress) {
    if (remoteAddress == null
        || remoteAddress.isEmpty()
        || remoteAddress.length() > MAX_LENGTH
        || remoteAddress.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return UNREADABLE;
    }
    return remoteAddress;
  }
}
