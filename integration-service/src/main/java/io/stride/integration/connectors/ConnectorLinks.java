package io.stride.integration.connectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.stride.integration.config.IntegrationProperties;
import io.stride.integration.connectors.ConnectorAccounts.Account;
import io.stride.integration.connectors.ImportConnector.RemoteGrant;
import io.stride.platform.web.ConflictException;
import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.NotFoundException;
import io.stride.platform.web.UnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Athletes linking their accounts on other platforms: the consent page (with a one-time state), the
 * code exchanged for tokens, the link listed, a pull asked for, the link undone (the platform told,
 * the tokens gone; what was imported stays the athlete's workouts).
 */
@Service
class ConnectorLinks {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(ConnectorLinks.class);

  static final List<String> READ_SCOPES = List.of("activity:read", "activity:read_all");

  private final ImportConnectors connectors;
  private final ConnectorAuthorizations authorizations;
  private final ConnectorAccounts accounts;
  private final ConnectorActivities activities;
  private final IntegrationProperties.Imports settings;
  private final MeterRegistry meters;
  private final Clock clock;

  ConnectorLinks(
      ImportConnectors connectors,
      ConnectorAuthorizations authorizations,
      ConnectorAccounts accounts,
      ConnectorActivities activities,
      IntegrationProperties properties,
      MeterRegistry meters,
      Clock clock) {
    this.connectors = connectors;
    this.authorizations = authorizations;
    this.accounts = accounts;
    this.activities = activities;
    this.settings = properties.imports();
    this.meters = meters;
    this.clock = clock;
  }

  /** Every platform this server imports from, with the athlete's link to each. */
  List<ConnectorView> sources(UUID userId) {
    Map<String, Account> linked =
        accounts.ofUser(userId).stream()
            .collect(Collectors.toMap(Account::source, Function.identity()));
    return connectors.enabled().stream()
        .map(
            connector ->
                view(userId, connector, Optional.ofNullable(linked.get(connector.source()))))
        .toList();
  }

  ConnectorView source(UUID userId, String source) {
    ImportConnector connector = require(source);
    return view(userId, connector, accounts.find(userId, source));
  }

  AuthorizationView authorize(UUID userId, String source, String redirectUri) {
    ImportConnector connector = require(source);
    String target = redirectUri == null || redirectUri.isBlank() ? null : redirectUri.trim();
    if (connector.redirectUris().isEmpty()) {
      throw new IllegalStateException(source + " import has no redirect URI configured");
    }
    if (target == null) {
      target = connector.redirectUris().get(0);
    } else if (!connector.redirectUris().contains(target)) {
      throw InvalidRequestException.of(
          "redirectUri",
          "is not one this server sends athletes back to from "
              + connector.displayName()
              + " ("
              + String.join(", ", connector.redirectUris())
              + ")");
    }
    Instant now = clock.instant();
    String state = authorizations.begin(userId, source, target, now);
    return new AuthorizationView(
        connector.authorizationUrl(state, target),
        state,
        target,
        now.plus(ConnectorAuthorizations.VALID_FOR));
  }

  /** Links the account the consent page's code is for; pulls start at once. */
  ConnectorView link(UUID userId, String source, LinkRequest request) {
    ImportConnector connector = require(source);
    Instant now = clock.instant();
    if (authorizations.take(userId, source, request.state(), now).isEmpty()) {
      throw InvalidRequestException.of(
          "state",
          "is not one Stride gave you in the last 10 minutes, or was used already: start"
              + " linking "
              + connector.displayName()
              + " again");
    }
    List<String> granted =
        Arrays.stream(request.scope().split("[,\\s]+"))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
    if (granted.stream().noneMatch(READ_SCOPES::contains)) {
      count(source, "no-activity-scope");
      throw InvalidRequestException.of(
          "scope",
          "does not let Stride read your activities on "
              + connector.displayName()
              + ": link again and keep \"View data about your activities\" ticked");
    }
    if (request.importSince() != null && request.importSince().isAfter(now)) {
      throw InvalidRequestException.of("importSince", "is in the future");
    }
    RemoteGrant grant;
    try {
      grant = connector.exchange(request.code());
    } catch (ConnectorException.Unauthorized refused) {
      count(source, "code-refused");
      throw InvalidRequestException.of(
          "code",
          connector.displayName()
              + " did not accept it (codes work once and only briefly): link again");
    } catch (ConnectorException.Unavailable | ConnectorException.RateLimited down) {
      count(source, "unavailable");
      log.info("Linking {} for {} failed: {}", source, userId, down.getMessage());
      throw new UnavailableException(
          connector.displayName() + " could not be reached to finish linking: try again shortly",
          Duration.ofMinutes(1));
    }
    Optional<UUID> holder = accounts.holderOf(source, grant.remoteId());
    if (holder.isPresent() && !holder.get().equals(userId)) {
      count(source, "linked-elsewhere");
      throw new ConflictException(
          "This "
              + connector.displayName()
              + " account is linked to another Stride account; unlink it there first.");
    }
    Instant since =
        request.importSince() != null ? request.importSince() : now.minus(settings.backfill());
    try {
      accounts.link(
          new Account(
              userId,
              source,
              grant.remoteId(),
              grant.remoteName(),
              granted,
              grant.tokens(),
              "active",
              since,
              now,
              null,
              null,
              now));
    } catch (org.springframework.dao.DuplicateKeyException raced) {
      count(source, "linked-elsewhere");
      throw new ConflictException(
          "This "
              + connector.displayName()
              + " account was just linked to another Stride account; unlink it there first.");
    }
    count(source, "linked");
    return source(userId, source);
  }

  /** The next pull is due now; 404 when not linked (or linked but needing a new consent). */
  void syncNow(UUID userId, String source) {
    ImportConnector connector = require(source);
    if (!accounts.dueNow(userId, source, clock.instant())) {
      throw new NotFoundException(
          "You have no working link to " + connector.displayName() + ": link it first.");
    }
  }

  void unlink(UUID userId, String source) {
    ImportConnector connector = require(source);
    Optional<Account> account = accounts.find(userId, source);
    if (account.isEmpty() || !accounts.unlink(userId, source)) {
      throw new NotFoundException("You have not linked " + connector.displayName() + ".");
    }
    connector.deauthorize(account.get().tokens().accessToken());
    count(source, "unlinked");
  }

  List<ImportedActivityView> activities(UUID userId, String source, int limit) {
    require(source);
    return activities.newest(userId, source, limit);
  }

  ImportConnector require(String source) {
    return connectors
        .enabled(source)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "This server imports from no platform called '"
                        + source
                        + "'"
                        + (connectors.enabled().isEmpty()
                            ? ""
                            : " (it does from: "
                                + connectors.enabled().stream()
                                    .map(ImportConnector::source)
                                    .collect(Collectors.joining(", "))
                                + ")")));
  }

  private ConnectorView view(UUID userId, ImportConnector connector, Optional<Account> account) {
    if (account.isEmpty()) {
      return new ConnectorView(
          connector.source(),
          connector.displayName(),
          "unlinked",
          null,
          null,
          null,
          null,
          null,
          null,
          0);
    }
    Account a = account.get();
    return new ConnectorView(
        connector.source(),
        connector.displayName(),
        a.status(),
        a.remoteName(),
        a.connectedAt(),
        a.importedAfter(),
        a.lastSyncedAt(),
        a.status().equals("active") ? a.nextSyncAt() : null,
        a.lastError(),
        activities.count(userId, connector.source()));
  }

  private void count(String source, String outcome) {
    meters
        .counter("stride.integration.connector.links", "source", source, "outcome", outcome)
        .increment();
  }
}
