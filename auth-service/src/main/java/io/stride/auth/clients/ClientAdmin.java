package io.stride.auth.clients;

import io.stride.auth.oauth.AuthProperties;
import io.stride.auth.oauth.ClientDefinitions;
import io.stride.auth.oauth.ClientSecrets;
import io.stride.auth.oauth.ScopeRegistry;
import io.stride.platform.idempotency.IdempotencyKeys;
import io.stride.platform.web.ConflictException;
import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.InvalidRequestException.FieldError;
import io.stride.platform.web.NotFoundException;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Partners' OAuth clients, registered by administrators (ADR 0039): created with a secret shown
 * once (only its hash is kept), changed, and their secret rotated with an overlap during which both
 * secrets work. Always confidential and always asking the athlete's consent; never an
 * administrator's scope. Configured clients are listed but changed only in the configuration.
 */
@Service
class ClientAdmin {

  static final int DEFAULT_OVERLAP_HOURS = 7 * 24;

  private static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
  private static final Set<String> GRANTS = Set.of("client_credentials", "authorization_code");
  private static final Set<String> IDENTITY_SCOPES = Set.of("openid", "profile", "email");

  /** The account owner's scope: never a partner's. */
  private static final String ACCOUNT_OWNERS = "account:manage";

  private final RegisteredClientRepository clients;
  private final JdbcTemplate jdbc;
  private final ScopeRegistry scopes;
  private final AuthProperties properties;
  private final IdempotencyKeys idempotency;
  private final JsonMapper json;
  private final Clock clock;

  ClientAdmin(
      RegisteredClientRepository clients,
      JdbcTemplate jdbc,
      ScopeRegistry scopes,
      AuthProperties properties,
      IdempotencyKeys idempotency,
      JsonMapper json,
      Clock clock) {
    this.clients = clients;
    this.jdbc = jdbc;
    this.scopes = scopes;
    this.properties = properties;
    this.idempotency = idempotency;
    this.json = json;
    this.clock = clock;
  }

  /** A new client and its secret, shown this once; a repeat of the request is 409. */
  @Transactional
  NewClientSecretView register(UUID admin, ClientRequest request, String key) {
    String clientId = request.clientId();
    if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
      throw InvalidRequestException.of(
          "clientId",
          "must be 3 to 64 of a-z, 0-9, '.', '_', '-', starting with a letter or digit");
    }
    AuthProperties.Client definition = validated(request, null);
    String[] secret = {null};
    idempotency.createOnce(
        admin,
        "oauth-client",
        key,
        json.writeValueAsString(request),
        () -> {
          Instant now = clock.instant();
          boolean configured = properties.clients().containsKey(clientId);
          int claimed =
              configured
                  ? 0
                  : jdbc.update(
                      "insert into managed_client (client_id, created_by, created_at, updated_at)"
                          + " values (?, ?, ?, ?) on conflict do nothing",
                      clientId,
                      admin,
                      Timestamp.from(now),
                      Timestamp.from(now));
          if (claimed == 0 || clients.findByClientId(clientId) != null) {
            throw new ConflictException("Client id " + clientId + " is taken: choose another one.");
          }
          secret[0] = ClientSecrets.newSecret();
          UUID id = UUID.randomUUID();
          clients.save(
              ClientDefinitions.definition(
                      id.toString(),
                      clientId,
                      definition,
                      properties.accessTokenTtl(),
                      ClientSecrets.sha256(secret[0]))
                  .clientIdIssuedAt(now)
                  .build());
          return id;
        });
    if (secret[0] == null) {
      throw new ConflictException(
          "Client "
              + clientId
              + " was registered by this request already; its secret was shown once, in that"
              + " answer. Rotate it (POST /api/v1/auth/clients/"
              + clientId
              + "/secret-rotations) for a new one.");
    }
    return new NewClientSecretView(view(require(clientId), true), secret[0], null);
  }

  /** The client changed: name, grants, redirect URIs, scopes; its id and secret stay. */
  @Transactional
  ClientView replace(String clientId, ClientRequest request) {
    // the same lock a rotation takes: a change never writes back a secret rotated meanwhile
    jdbc.queryForList("select 1 from managed_client where client_id = ? for update", clientId);
    RegisteredClient existing = requireManaged(clientId);
    AuthProperties.Client definition = validated(request, clientId);
    RegisteredClient changed =
        ClientDefinitions.definition(
                existing.getId(),
                clientId,
                definition,
                properties.accessTokenTtl(),
                existing.getClientSecret())
            .clientIdIssuedAt(existing.getClientIdIssuedAt())
            .build();
    clients.save(changed);
    jdbc.update(
        "update managed_client set updated_at = ? where client_id = ?",
        Timestamp.from(clock.instant()),
        clientId);
    return view(changed, true);
  }

  /**
   * A new secret; the replaced one keeps working for {@code expiresInHours} (0: it stops at once).
   * 409 while an earlier rotation's secret still works, unless 0.
   */
  @Transactional
  NewClientSecretView rotate(String clientId, SecretRotationRequest request) {
    jdbc.queryForList("select 1 from managed_client where client_id = ? for update", clientId);
    RegisteredClient existing = requireManaged(clientId);
    int hours =
        request == null || request.expiresInHours() == null
            ? DEFAULT_OVERLAP_HOURS
            : request.expiresInHours();
    Instant now = clock.instant();
    ClientSecrets.Stored stored = ClientSecrets.Stored.parse(existing.getClientSecret());
    if (hours > 0 && stored.retiringAt(now).isPresent()) {
      throw new ConflictException(
          "The secret replaced by the last rotation still works until "
              + stored.retiringAt(now).get()
              + ": rotating again would end it before the partner moved off it. Rotate after"
              + " then, or with expiresInHours 0 to replace the current secret at once (a leaked"
              + " one), which ends every overlap.");
    }
    String secret = ClientSecrets.newSecret();
    Instant until = now.plus(Duration.ofHours(hours));
    RegisteredClient rotated =
        RegisteredClient.from(existing).clientSecret(stored.rotatedTo(secret, until, now)).build();
    clients.save(rotated);
    jdbc.update(
        "update managed_client set updated_at = ? where client_id = ?",
        Timestamp.from(now),
        clientId);
    return new NewClientSecretView(view(rotated, true), secret, hours > 0 ? until : null);
  }

  @Transactional(readOnly = true)
  ClientView get(String clientId) {
    return view(require(clientId), isManaged(clientId));
  }

  @Transactional(readOnly = true)
  ClientList list() {
    Set<String> managed =
        Set.copyOf(jdbc.queryForList("select client_id from managed_client", String.class));
    return new ClientList(
        jdbc
            .queryForList(
                "select client_id from oauth2_registered_client order by client_id", String.class)
            .stream()
            .map(clients::findByClientId)
            .filter(java.util.Objects::nonNull)
            .map(client -> view(client, managed.contains(client.getClientId())))
            .toList());
  }

  private AuthProperties.Client validated(ClientRequest request, String existingId) {
    List<FieldError> errors = new ArrayList<>();
    if (existingId != null
        && request.clientId() != null
        && !existingId.equals(request.clientId())) {
      errors.add(new FieldError("clientId", "cannot change: it is " + existingId));
    }
    LinkedHashSet<String> grants = new LinkedHashSet<>();
    for (int i = 0; i < request.grantTypes().size(); i++) {
      String grant = request.grantTypes().get(i);
      if (!GRANTS.contains(grant)) {
        errors.add(
            new FieldError(
                "grantTypes[" + i + "]", "must be client_credentials or authorization_code"));
      }
      grants.add(grant);
    }
    boolean actsForAthletes = grants.contains("authorization_code");
    List<String> redirects = request.redirectUris() == null ? List.of() : request.redirectUris();
    if (actsForAthletes && redirects.isEmpty()) {
      errors.add(
          new FieldError("redirectUris", "authorization_code needs at least one redirect URI"));
    }
    if (!actsForAthletes && !redirects.isEmpty()) {
      errors.add(
          new FieldError(
              "redirectUris", "only a client with authorization_code has redirect URIs"));
    }
    for (int i = 0; i < redirects.size(); i++) {
      String problem = redirectProblem(redirects.get(i));
      if (problem != null) {
        errors.add(new FieldError("redirectUris[" + i + "]", problem));
      }
    }
    LinkedHashSet<String> scopeSet = new LinkedHashSet<>();
    for (int i = 0; i < request.scopes().size(); i++) {
      String scope = request.scopes().get(i);
      if (!scopes.isKnown(scope)) {
        errors.add(new FieldError("scopes[" + i + "]", "is no scope of Stride's catalog"));
      } else if (administrators(scope) || ACCOUNT_OWNERS.equals(scope)) {
        errors.add(
            new FieldError(
                "scopes[" + i + "]",
                "is an administrator's or the account owner's, never a partner's"));
      } else if (!actsForAthletes && IDENTITY_SCOPES.contains(scope)) {
        errors.add(
            new FieldError("scopes[" + i + "]", "signs a person in: it needs authorization_code"));
      }
      scopeSet.add(scope);
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    List<String> grantTypes = new ArrayList<>(grants);
    if (actsForAthletes) {
      grantTypes.add(AuthorizationGrantType.REFRESH_TOKEN.getValue());
    }
    return new AuthProperties.Client(
        request.name().strip(),
        "managed", // confidential: the real secret's hash is set by the caller
        grantTypes,
        List.copyOf(redirects),
        List.of(),
        scopeSet,
        true,
        Duration.ofDays(30));
  }

  /**
   * An administrator's scope: {@code *:admin}, and every scope of the administration APIs ({@code
   * clients:*}, {@code integration:*}), those defined later included.
   */
  static boolean administrators(String scope) {
    return scope.endsWith(":admin")
        || scope.startsWith("clients:")
        || scope.startsWith("integration:");
  }

  /**
   * Why a redirect URI is refused, or null: https, or http to a loopback address literal (RFC 8252:
   * not {@code localhost}), no fragment.
   */
  static String redirectProblem(String uri) {
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      return "is not a URI";
    }
    if (parsed.getScheme() == null
        || parsed.getHost() == null
        || parsed.getRawFragment() != null
        || parsed.getUserInfo() != null) {
      return "must be an absolute URI with a scheme and a host, no fragment and no user";
    }
    String scheme = parsed.getScheme().toLowerCase(java.util.Locale.ROOT);
    boolean loopback = parsed.getHost().equals("127.0.0.1") || parsed.getHost().equals("[::1]");
    if (scheme.equals("https") || (scheme.equals("http") && loopback)) {
      return null;
    }
    return "must be https (http only to a loopback address)";
  }

  private RegisteredClient require(String clientId) {
    RegisteredClient client = clients.findByClientId(clientId);
    if (client == null) {
      throw new NotFoundException("There is no OAuth client " + clientId + ".");
    }
    return client;
  }

  private RegisteredClient requireManaged(String clientId) {
    RegisteredClient client = require(clientId);
    if (!isManaged(clientId)) {
      throw new ConflictException(
          "Client "
              + clientId
              + " comes from the configuration (stride.auth.clients): change it there.");
    }
    return client;
  }

  private boolean isManaged(String clientId) {
    return !jdbc.queryForList("select 1 from managed_client where client_id = ?", clientId)
        .isEmpty();
  }

  private ClientView view(RegisteredClient client, boolean managed) {
    ClientSecrets.Stored stored =
        client.getClientSecret() == null
            ? null
            : ClientSecrets.Stored.parse(client.getClientSecret());
    return new ClientView(
        client.getClientId(),
        client.getClientName(),
        managed ? "admin" : "configuration",
        client.getAuthorizationGrantTypes().stream()
            .map(AuthorizationGrantType::getValue)
            .sorted()
            .toList(),
        client.getRedirectUris().stream().sorted().toList(),
        client.getScopes().stream().sorted().toList(),
        client.getClientSettings().isRequireAuthorizationConsent(),
        stored == null ? null : stored.retiringAt(clock.instant()).orElse(null),
        client.getClientIdIssuedAt());
  }
}
