package io.stride.auth.oauth;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Consents are remembered for apps, never for device clients: each device someone connects is
 * confirmed on its own page (RFC 8628 §5.4, remote phishing). Were a device client's consent kept,
 * a code typed later at {@code /activate}, perhaps one a stranger sent, would connect that
 * stranger's device without a question; and Cancel would still grant what was approved before.
 */
final class EveryDeviceConfirmed implements OAuth2AuthorizationConsentService {

  private final OAuth2AuthorizationConsentService consents;
  private final RegisteredClientRepository clients;

  EveryDeviceConfirmed(
      OAuth2AuthorizationConsentService consents, RegisteredClientRepository clients) {
    this.consents = consents;
    this.clients = clients;
  }

  @Override
  public void save(OAuth2AuthorizationConsent consent) {
    if (!isDeviceClient(consent.getRegisteredClientId())) {
      consents.save(consent);
    }
  }

  @Override
  public void remove(OAuth2AuthorizationConsent consent) {
    consents.remove(consent);
  }

  @Override
  public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
    return isDeviceClient(registeredClientId)
        ? null
        : consents.findById(registeredClientId, principalName);
  }

  private boolean isDeviceClient(String registeredClientId) {
    RegisteredClient client = clients.findById(registeredClientId);
    return client != null
        && client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.DEVICE_CODE);
  }
}
