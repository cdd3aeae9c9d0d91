package io.stride.integration.safety;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a webhook may be sent to: public unicast only. Refused: unspecified and "this
 * network" (0/8, ::), loopback (127/8, ::1; allowed only in local runs), private (10/8, 172.16/12,
 * 192.168/16), shared CGNAT (100.64/10), link-local (169.254/16 with the cloud metadata address,
 * fe80::/10), IETF and benchmarking blocks (192.0.0/24, 198.18/15), documentation ranges, multicast
 * (224/4, ff00::/8), reserved and broadcast (240/4), unique-local (fc00::/7, with AWS's
 * fd00:ec2::254), site-local (fec0::/10), discard-only (100::/64), Teredo (2001::/32), benchmarking
 * (2001:2::/48), ORCHID (2001:10::/28, 2001:20::/28), documentation (2001:db8::/32, 3fff::/20), the
 * former 6to4 relay anycast (192.88.99/24), and IPv4 addresses carried in IPv6 (mapped,
 * SIIT-translated ::ffff:0:0/96, compatible, NAT64 64:ff9b::/96, 6to4 2002::/16), judged as the
 * IPv4 address they carry. Plain code, no Spring.
 */
public final class AddressPolicy {

  private final boolean allowLoopback;

  public AddressPolicy(boolean allowLoopback) {
    this.allowLoopback = allowLoopback;
  }

  public boolean allowsLoopback() {
    return allowLoopback;
  }

  /** Why {@code address} is refused, or empty when a webhook may go there. */
  public Optional<String> refusal(InetAddress address) {
    byte[] bytes = address.getAddress();
    String reason = bytes.length == 4 ? ipv4(bytes) : ipv6(bytes);
    if (reason == null || (reason.equals(LOOPBACK) && allowLoopback)) {
      return Optional.empty();
    }
    return Optional.of(reason);
  }

  /**
   * Every address {@code host} resolves to (once), all of them allowed; refused as a whole when any
   * one is not, so a name that also points inside cannot be used to get there.
   */
  public List<InetAddress> resolve(String host, Resolver resolver) throws UnknownHostException {
    InetAddress[] addresses = resolver.resolve(host);
    if (addresses == null || addresses.length == 0) {
      throw new UnknownHostException("no address for the host");
    }
    for (InetAddress address : addresses) {
      Optional<String> refused = refusal(address);
      if (refused.isPresent()) {
        throw new RefusedAddressException(address.getHostAddress(), refused.get());
      }
    }
    return List.copyOf(Arrays.asList(addresses));
  }

  /** True when every address is a loopback one (http is allowed there in local runs). */
  public static boolean allLoopback(List<InetAddress> addresses) {
    return addresses.stream().allMatch(InetAddress::isLoopbackAddress);
  }

  /** Resolves a host name to its addresses (the JDK's resolver in production). */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;

    Resolver SYSTEM = InetAddress::getAllByName;
  }

  static final String LOOPBACK = "a loopback address";

  private static String ipv4(byte[] b) {
    int a = b[0] & 0xff;
    int second = b[1] & 0xff;
    int third = b[2] & 0xff;
    if (a == 0) {
      return "an unspecified address (0.0.0.0/8)";
    }
    if (a == 127) {
      return LOOPBACK;
    }
    if (a == 10 || (a == 172 && second >= 16 && second <= 31) || (a == 192 && second == 168)) {
      return "a private address";
    }
    if (a == 100 && second >= 64 && second <= 127) {
      return "a shared (carrier-grade NAT) address";
    }
    if (a == 169 && second == 254) {
      return "a link-local address (cloud metadata lives there)";
    }
    if (a == 192 && second == 0 && (third == 0 || third == 2)) {
      return "a reserved address";
    }
    if (a == 192 && second == 88 && third == 99) {
      return "a reserved address (the former 6to4 relay anycast)";
    }
    if (a == 198 && (second == 18 || second == 19)) {
      return "a benchmarking address";
    }
    if ((a == 198 && second == 51 && third == 100) || (a == 203 && second == 0 && third == 113)) {
      return "a documentation address";
    }
    if (a >= 224 && a <= 239) {
      return "a multicast address";
    }
    if (a >= 240) {
      return "a reserved or broadcast address";
    }
    return null;
  }

  private static String ipv6(byte[] b) {
    if (isZero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && isZero(b, 10, 12)) {
      return ipv4(Arrays.copyOfRange(b, 12, 16)); // SIIT IPv4-translated ::ffff:0:a.b.c.d
    }
    if (isZero(b, 0, 10)) {
      if ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        return ipv4(Arrays.copyOfRange(b, 12, 16)); // IPv4-mapped ::ffff:a.b.c.d
      }
      if (isZero(b, 10, 12)) {
        if (isZero(b, 12, 15) && b[15] == 0) {
          return "an unspecified address (::)";
        }
        if (isZero(b, 12, 15) && b[15] == 1) {
          return LOOPBACK;
        }
        return ipv4(Arrays.copyOfRange(b, 12, 16)); // IPv4-compatible ::a.b.c.d
      }
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    if (first == 0xff) {
      return "a multicast address";
    }
    if (first == 0xfe && (second & 0xc0) == 0x80) {
      return "a link-local address";
    }
    if (first == 0xfe && (second & 0xc0) == 0xc0) {
      return "a site-local address";
    }
    if ((first & 0xfe) == 0xfc) {
      return "a unique-local address";
    }
    if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
      if (isZero(b, 4, 12)) {
        return ipv4(Arrays.copyOfRange(b, 12, 16)); // NAT64 64:ff9b::a.b.c.d
      }
      return "a NAT64 local-use address";
    }
    if (first == 0x01 && second == 0x00 && isZero(b, 2, 8)) {
      return "a discard-only address";
    }
    if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
      return "a Teredo address";
    }
    if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0x02 && b[4] == 0 && b[5] == 0) {
      return "a benchmarking address";
    }
    if (first == 0x20
        && second == 0x01
        && b[2] == 0
        && ((b[3] & 0xf0) == 0x10 || (b[3] & 0xf0) == 0x20)) {
      return "a reserved address (ORCHID)";
    }
    if ((first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8)
        || (first == 0x3f && second == 0xff && (b[2] & 0xf0) == 0)) {
      return "a documentation address";
    }
    if (first == 0x20 && second == 0x02) {
      return ipv4(Arrays.copyOfRange(b, 2, 6)); // 6to4 2002:aabb:ccdd::
    }
    return null;
  }

  private static boolean isZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
