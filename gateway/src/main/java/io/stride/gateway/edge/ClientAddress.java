package io.stride.gateway.edge;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The caller's IP: the TCP peer, unless that peer is a trusted proxy, in which case the nearest
 * untrusted address in X-Forwarded-For. A client cannot spoof its IP by sending the header itself.
 */
public final class ClientAddress {

  private final List<Cidr> trusted;

  public ClientAddress(List<String> trustedProxies) {
    this.trusted =
        trustedProxies.stream().filter(entry -> !entry.isBlank()).map(Cidr::parse).toList();
  }

  public String of(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    String peer =
        remote == null || remote.getAddress() == null
            ? "unknown"
            : remote.getAddress().getHostAddress();
    if (!isTrusted(peer)) {
      return peer;
    }
    List<String> forwarded = request.getHeaders().getValuesAsList("X-Forwarded-For");
    for (int i = forwarded.size() - 1; i >= 0; i--) {
      String hop = forwarded.get(i).trim();
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return peer;
  }

  /** Whether the TCP peer itself is one of the trusted proxies. */
  public boolean peerIsTrusted(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    return !trusted.isEmpty()
        && remote != null
        && remote.getAddress() != null
        && isTrusted(remote.getAddress().getHostAddress());
  }

  public boolean isTrusted(String ip) {
    return trusted.stream().anyMatch(cidr -> cidr.contains(ip));
  }

  private record Cidr(byte[] network, int prefix) {

    static Cidr parse(String text) {
      String[] parts = text.trim().split("/");
      byte[] address = bytes(parts[0]);
      int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : address.length * 8;
      return new Cidr(address, prefix);
    }

    boolean contains(String ip) {
      byte[] candidate;
      try {
        candidate = bytes(ip);
      } catch (IllegalArgumentException notAnIp) {
        return false;
      }
      if (candidate.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 0x80 >> (bit % 8);
        if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }

    private static byte[] bytes(String ip) {
      if (!ip.matches("[0-9a-fA-F:.]+")) {
        throw new IllegalArgumentException("not an IP literal: " + ip);
      }
      try {
        return InetAddress.getByName(ip).getAddress(); // literal only: no DNS lookup happens
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("not an IP: " + ip, e);
      }
    }
  }
}
