package io.stride.auth.oauth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authorization server settings ({@code stride.auth.*}).
 *
 * @param issuer the public URL tokens are issued under: the gateway's, not this service's
 * @param accessTokenTtl lifetime of access tokens
 * @param devicePollInterval the minimum spacing of device-flow token polls (RFC 8628)
 * @param clients the OAuth2 clients, by client id
 */
@ConfigurationProperties("stride.auth")
public record AuthProperties(
    String issuer,
    @DefaultValue("15m") Duration accessTokenTtl,
    @DefaultValue("5s") Duration devicePollInterval,
    Map<String, Client> clients) {

  /**
   * One client.
   *
   * @param name shown on consent pages
   * @param secret for confidential clients; blank disables the client (never set a default)
   * @param grantTypes OAuth2 grant types, e.g. authorization_code, refresh_token,
   *     client_credentials
   * @param redirectUris where authorization codes may be sent; loopback URIs match any port
   * @param postLogoutRedirectUris where RP-initiated logout may send the browser back to; loopback
   *     URIs match any port
   * @param scopes what the client may ask for
   * @param consent whether the user must approve the client explicitly
   * @param refreshTokenTtl lifetime of refresh tokens (each use rotates them)
   */
  public record Client(
      String name,
      String secret,
      List<String> grantTypes,
      @DefaultValue List<String> redirectUris,
      @DefaultValue List<String> postLogoutRedirectUris,
      Set<String> scopes,
      @DefaultValue("false") boolean consent,
      @DefaultValue("30d") Duration refreshTokenTtl) {

    boolean isPublic() {
      return secret == null;
    }

    /** A confidential client whose secret is blank is not registered at all. */
    boolean isEnabled() {
      return secret == null || !secret.isBlank();
    }
  }
}
