package io.stride.auth.oauth;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceVerificationAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wraps the providers of the device verification endpoint so that a device the owner approves is
 * announced ({@code DeviceLinked}) in the transaction that stores the approval. A provider that
 * approves returns {@link OAuth2DeviceVerificationAuthenticationToken} (the consent provider, after
 * Connect on our confirmation page). A refusal (Cancel) is an exception after Spring Authorization
 * Server has invalidated the codes: it is rethrown after the commit, so that stays stored.
 */
final class DeviceApprovalsAnnounced implements AuthenticationProvider {

  private final AuthenticationProvider delegate;
  private final TransactionTemplate transactions;
  private final RegisteredClientRepository clients;
  private final DeviceLinks links;

  private DeviceApprovalsAnnounced(
      AuthenticationProvider delegate,
      TransactionTemplate transactions,
      RegisteredClientRepository clients,
      DeviceLinks links) {
    this.delegate = delegate;
    this.transactions = transactions;
    this.clients = clients;
    this.links = links;
  }

  /** Every provider of the endpoint, wrapped. */
  static void apply(
      List<AuthenticationProvider> providers,
      TransactionTemplate transactions,
      RegisteredClientRepository clients,
      DeviceLinks links) {
    providers.replaceAll(
        provider -> new DeviceApprovalsAnnounced(provider, transactions, clients, links));
  }

  /** What the wrapped provider did: its result, or the refusal to throw after the commit. */
  private record Outcome(Authentication result, AuthenticationException refusal) {}

  @Override
  public Authentication authenticate(Authentication authentication) {
    Outcome outcome =
        transactions.execute(
            status -> {
              Authentication result;
              try {
                result = delegate.authenticate(authentication);
              } catch (AuthenticationException refused) {
                return new Outcome(null, refused);
              }
              if (result instanceof OAuth2DeviceVerificationAuthenticationToken approved) {
                RegisteredClient client = clients.findByClientId(approved.getClientId());
                if (client != null) {
                  // a device gets what its client is registered for (readings:write)
                  links.linked(approved.getName(), client, client.getScopes());
                }
              }
              return new Outcome(result, null);
            });
    if (outcome.refusal() != null) {
      throw outcome.refusal();
    }
    return outcome.result();
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return delegate.supports(authentication);
  }
}
