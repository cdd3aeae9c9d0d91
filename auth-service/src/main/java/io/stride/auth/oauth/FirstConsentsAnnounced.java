package io.stride.auth.oauth;

import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The consent store, announcing an app the user approves for the first time ({@code DeviceLinked})
 * in the transaction that stores the consent. "First time": the user holds no consent for the app,
 * never gave one or took it back with Cancel (or the account's deletion removed it). Approving more
 * scopes of an app already approved announces nothing; device clients never get here, their
 * consents are not stored ({@link EveryDeviceConfirmed}) and {@link DeviceApprovalsAnnounced}
 * announces each device.
 */
final class FirstConsentsAnnounced implements OAuth2AuthorizationConsentService {

  private final OAuth2AuthorizationConsentService consents;
  private final RegisteredClientRepository clients;
  private final DeviceLinks links;
  private final TransactionTemplate transactions;

  FirstConsentsAnnounced(
      OAuth2AuthorizationConsentService consents,
      RegisteredClientRepository clients,
      DeviceLinks links,
      TransactionTemplate transactions) {
    this.consents = consents;
    this.clients = clients;
    this.links = links;
    this.transactions = transactions;
  }

  @Override
  public void save(OAuth2AuthorizationConsent consent) {
    transactions.executeWithoutResult(
        status -> {
          boolean first =
              consents.findById(consent.getRegisteredClientId(), consent.getPrincipalName())
                  == null;
          consents.save(consent);
          RegisteredClient client = clients.findById(consent.getRegisteredClientId());
          if (client != null && first) {
            links.linked(consent.getPrincipalName(), client, consent.getScopes());
          } else if (client != null) {
            links.widened(consent.getPrincipalName(), client, consent.getScopes());
          }
        });
  }

  @Override
  public void remove(OAuth2AuthorizationConsent consent) {
    consents.remove(consent);
  }

  @Override
  public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
    return consents.findById(registeredClientId, principalName);
  }
}
