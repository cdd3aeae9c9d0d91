package io.stride.auth.accounts;

import io.stride.catalog.ServiceCatalog;
import io.stride.contracts.auth.AppDisconnected;
import io.stride.platform.events.EventPublisher;
import io.stride.platform.web.NotFoundException;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The apps and devices an athlete connected: recorded when the connection is announced ({@code
 * DeviceLinked}), listed for the athlete, and disconnected by them: the consent, every
 * authorization of that client for the athlete (refresh tokens, every device of a device client)
 * and the row go in one transaction with {@code AppDisconnected} (ADR 0038). Apps that ask no
 * consent (the first-party mobile app) are not connections and cannot be disconnected here.
 */
@Component
public class ConnectedApps {

  private final JdbcTemplate jdbc;
  private final RegisteredClientRepository clients;
  private final SignIns signIns;
  private final EventPublisher events;
  private final Clock clock;
  private final Map<String, String> scopeWords;

  ConnectedApps(
      JdbcTemplate jdbc,
      RegisteredClientRepository clients,
      SignIns signIns,
      EventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.clients = clients;
    this.signIns = signIns;
    this.events = events;
    this.clock = clock;
    this.scopeWords = Map.copyOf(ServiceCatalog.load().scopes());
  }

  /**
   * Records that the athlete connected {@code clientId} with {@code scopes}, in the transaction
   * that announces it. An app's new approval (its first, or after it was disconnected or refused)
   * is a new connection: its time and scopes replace any earlier ones. Another device of a device
   * client keeps the first device's time and adds its scopes.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void connected(
      UUID userId, String clientId, Collection<String> scopes, Instant at, boolean device) {
    jdbc.update(
        device
            ? """
              insert into connected_app (user_id, client_id, scopes, connected_at)
              values (?, ?, ?, ?)
              on conflict (user_id, client_id) do update set scopes = array(
                select distinct s from unnest(connected_app.scopes || excluded.scopes) s order by 1)
              """
            : """
              insert into connected_app (user_id, client_id, scopes, connected_at)
              values (?, ?, ?, ?)
              on conflict (user_id, client_id) do update
                set scopes = excluded.scopes, connected_at = excluded.connected_at
              """,
        userId,
        clientId,
        textArray(scopes),
        Timestamp.from(at));
  }

  /**
   * More scopes approved for an app still connected; nothing when it is not (a disconnection
   * committed meanwhile is not undone).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void widened(UUID userId, String clientId, Collection<String> scopes) {
    jdbc.update(
        """
        update connected_app set scopes = array(
          select distinct s from unnest(scopes || cast(? as text[])) s order by 1)
        where user_id = ? and client_id = ?
        """,
        textArray(scopes),
        userId,
        clientId);
  }

  /** The athlete's connected apps and devices, the latest connected first. */
  @Transactional(readOnly = true)
  List<ConnectedAppView> of(UUID userId) {
    return jdbc.query(
        """
        select client_id, scopes, connected_at from connected_app
        where user_id = ? order by connected_at desc, client_id
        """,
        (row, n) -> {
          String clientId = row.getString("client_id");
          RegisteredClient client = clients.findByClientId(clientId);
          return new ConnectedAppView(
              clientId,
              client != null ? client.getClientName() : clientId,
              client != null && isDevice(client) ? "device" : "app",
              Arrays.stream((String[]) row.getArray("scopes").getArray())
                  .map(scope -> new ConnectedAppView.Scope(scope, scopeWords.get(scope)))
                  .toList(),
              row.getTimestamp("connected_at").toInstant());
        },
        userId);
  }

  /**
   * Disconnects the athlete's app or device: it can get no new token, and {@code AppDisconnected}
   * tells the other services (the gateway refuses its access tokens already issued, ADR 0040).
   *
   * @throws NotFoundException when the athlete has no such connection
   */
  @Transactional
  void disconnect(UUID userId, String clientId) {
    RegisteredClient client = clients.findByClientId(clientId);
    if (client == null || !client.getClientSettings().isRequireAuthorizationConsent()) {
      throw notConnected(clientId);
    }
    int connections =
        jdbc.update(
            "delete from connected_app where user_id = ? and client_id = ?", userId, clientId);
    int consents =
        jdbc.update(
            "delete from oauth2_authorization_consent"
                + " where registered_client_id = ? and principal_name = ?",
            client.getId(),
            userId.toString());
    int authorizations = signIns.endOf(userId, client.getId());
    if (connections + consents + authorizations == 0) {
      throw notConnected(clientId);
    }
    events.publish(new AppDisconnected(userId, clientId, client.getClientName(), clock.instant()));
  }

  private static NotFoundException notConnected(String clientId) {
    return new NotFoundException(
        "You have no connected app '"
            + clientId
            + "': GET /api/v1/accounts/me/connected-apps lists the ones you have.");
  }

  private static boolean isDevice(RegisteredClient client) {
    return client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.DEVICE_CODE);
  }

  private Array textArray(Collection<String> values) {
    return jdbc.execute(
        (java.sql.Connection connection) ->
            connection.createArrayOf("text", values.stream().sorted().distinct().toArray()));
  }
}
