package io.stride.integration.safety;

import java.net.UnknownHostException;

/**
 * A webhook target resolved to an address webhooks may not go to. An {@link UnknownHostException}
 * so an HTTP client's resolver can throw it: the connection is never opened.
 */
public class RefusedAddressException extends UnknownHostException {

  private final String address;
  private final String reason;

  public RefusedAddressException(String address, String reason) {
    super("resolves to " + reason + " (" + address + ")");
    this.address = address;
    this.reason = reason;
  }

  public String address() {
    return address;
  }

  public String reason() {
    return reason;
  }
}
