package io.stride.integration.safety;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * The rules for a webhook URL, checked when an endpoint is registered or changed and again before
 * every delivery: absolute https (http only to loopback, only where loopback is allowed), a host,
 * no user info, no fragment, and a host whose every address the {@link AddressPolicy} allows.
 */
public final class TargetUrls {

  private final AddressPolicy policy;
  private final AddressPolicy.Resolver resolver;

  public TargetUrls(AddressPolicy policy, AddressPolicy.Resolver resolver) {
    this.policy = policy;
    this.resolver = resolver;
  }

  /** The parsed URL; {@link InvalidTargetException} saying what is wrong with it. */
  public URI parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new InvalidTargetException("is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new InvalidTargetException("must be an https URL");
    }
    if (scheme.equals("http") && !policy.allowsLoopback()) {
      throw new InvalidTargetException("must be an https URL (http is refused)");
    }
    if (uri.getRawUserInfo() != null) {
      throw new InvalidTargetException("must not carry a user name or password");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new InvalidTargetException("must name a host");
    }
    if (uri.getRawFragment() != null) {
      throw new InvalidTargetException("must not have a fragment (#…)");
    }
    return uri;
  }

  /**
   * Parses {@code url} and resolves its host once, every address checked; the addresses to connect
   * to. Refuses http unless every address is a loopback one.
   */
  public List<InetAddress> check(String url) {
    URI uri = parse(url);
    String host = hostOf(uri);
    List<InetAddress> addresses;
    try {
      addresses = policy.resolve(host, resolver);
    } catch (RefusedAddressException e) {
      throw new InvalidTargetException(
          "must reach a public address: its host " + e.getMessage(), e);
    } catch (UnknownHostException e) {
      throw new InvalidTargetException("has a host that cannot be resolved", e);
    }
    if (uri.getScheme().equalsIgnoreCase("http") && !AddressPolicy.allLoopback(addresses)) {
      throw new InvalidTargetException("must be an https URL (http only to loopback, locally)");
    }
    return addresses;
  }

  /** The host as a resolver takes it: an IPv6 literal without its brackets. */
  public static String hostOf(URI uri) {
    String host = uri.getHost();
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** A webhook URL that breaks a rule; the message completes "url …". */
  public static class InvalidTargetException extends RuntimeException {
    public InvalidTargetException(String message) {
      super(message);
    }

    InvalidTargetException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
