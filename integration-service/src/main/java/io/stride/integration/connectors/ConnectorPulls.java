package io.stride.integration.connectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.stride.contracts.integration.ActivityFileReceived;
import io.stride.integration.config.IntegrationProperties;
import io.stride.integration.connectors.ConnectorAccounts.Account;
import io.stride.integration.connectors.ImportConnector.RemoteActivity;
import io.stride.integration.connectors.ImportConnector.RemoteFile;
import io.stride.integration.connectors.ImportConnector.RemoteTokens;
import io.stride.platform.events.EventPublisher;
import io.stride.platform.idempotency.IdempotencyKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pulls linked accounts' new activities, one account's turn at a time: an account due is claimed (a
 * lease, so replicas never pull one account twice at once), its token refreshed when it expires
 * within five minutes, up to {@code batch} activities started after its cursor listed, and each one
 * not seen before made into a file and handed to workout-service ({@code ActivityFileReceived}) in
 * the transaction that records it, the cursor moving with each. An account with more to pull goes
 * to the back of the queue, due again at once, so a long history takes turns with everyone else's
 * new activities. Rate limits used up: the account waits for the window's end. Tokens refused even
 * after a refresh: it waits for the athlete to link it again.
 */
@Component
class ConnectorPulls {

  private static final Logger log = LoggerFactory.getLogger(ConnectorPulls.class);
  static final Duration LEASE = Duration.ofMinutes(15);
  static final Duration AFTER_FAILURE = Duration.ofMinutes(5);
  private static final Duration REFRESH_AHEAD = Duration.ofMinutes(15);
  private static final int TURNS_PER_POLL = 100;

  private final ImportConnectors connectors;
  private final ConnectorAccounts accounts;
  private final ConnectorActivities activities;
  private final ConnectorQuota quota;
  private final EventPublisher events;
  private final TransactionTemplate transactions;
  private final JdbcClient jdbc;
  private final IntegrationProperties.Imports settings;
  private final MeterRegistry meters;
  private final Clock clock;

  ConnectorPulls(
      ImportConnectors connectors,
      ConnectorAccounts accounts,
      ConnectorActivities activities,
      ConnectorQuota quota,
      EventPublisher events,
      TransactionTemplate transactions,
      JdbcClient jdbc,
      IntegrationProperties properties,
      MeterRegistry meters,
      Clock clock) {
    this.connectors = connectors;
    this.accounts = accounts;
    this.activities = activities;
    this.quota = quota;
    this.events = events;
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.settings = properties.imports();
    this.meters = meters;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${stride.integration.imports.poll:30s}",
      initialDelayString = "${stride.integration.imports.poll:30s}")
  void scheduled() {
    try {
      pullDue();
    } catch (RuntimeException e) {
      log.warn("Pulling linked accounts failed; next poll tries again", e);
    }
  }

  /** Gives every due account a turn (at most 100 turns); the number of turns taken. */
  int pullDue() {
    int turns = 0;
    while (turns < TURNS_PER_POLL) {
      Instant now = clock.instant();
      Optional<Account> due = accounts.claimDue(now, now.plus(LEASE));
      if (due.isEmpty()) {
        break;
      }
      turns++;
      if (!turn(due.get())) {
        break; // the platform's rate limit is used up: no other account could pull either
      }
    }
    if (turns > 0) {
      quota.forgetOld();
    }
    return turns;
  }

  /** One account's turn; false when the platform's rate limit stopped it. */
  private boolean turn(Account account) {
    Optional<ImportConnector> enabled = connectors.enabled(account.source());
    Instant now = clock.instant();
    if (enabled.isEmpty()) {
      accounts.turnEnded(
          account.userId(), account.source(), now.plus(settings.syncEvery()), null, null);
      return true;
    }
    ImportConnector connector = enabled.get();
    try {
      RemoteTokens tokens = fresh(connector, account, account.tokens(), false);
      List<RemoteActivity> listed;
      try {
        listed =
            connector.activitiesAfter(
                tokens.accessToken(), account.importedAfter(), settings.batch());
      } catch (ConnectorException.Unauthorized refused) {
        tokens = fresh(connector, account, tokens, true); // revoked early? one refresh, then stop
        listed =
            connector.activitiesAfter(
                tokens.accessToken(), account.importedAfter(), settings.batch());
      }
      for (RemoteActivity activity : listed) {
        handOver(connector, account, tokens, activity);
      }
      boolean more = listed.size() >= settings.batch();
      Instant end = clock.instant();
      accounts.turnEnded(
          account.userId(),
          account.source(),
          more ? end : end.plus(settings.syncEvery()),
          end,
          null);
      counted(account.source(), more ? "more" : "caught-up");
      return true;
    } catch (ConnectorException.RateLimited limited) {
      accounts.turnEnded(
          account.userId(), account.source(), limited.retryAt(), null, limited.getMessage());
      counted(account.source(), "rate-limited");
      return false;
    } catch (ConnectorException.Unauthorized refused) {
      log.info(
          "{} refused the tokens of {}'s link: {}",
          account.source(),
          account.userId(),
          refused.getMessage());
      accounts.needsReauthorization(
          account.userId(),
          account.source(),
          connector.displayName() + " no longer accepts Stride's access: link it again");
      counted(account.source(), "unauthorized");
    } catch (ConnectorException e) {
      accounts.turnEnded(
          account.userId(),
          account.source(),
          clock.instant().plus(AFTER_FAILURE),
          null,
          e.getMessage());
      counted(account.source(), "unavailable");
    } catch (RuntimeException e) {
      // an answer Stride cannot read, a setting missing: this account waits, the others go on
      log.warn("A pull of {} for {} failed", account.source(), account.userId(), e);
      accounts.turnEnded(
          account.userId(),
          account.source(),
          clock.instant().plus(AFTER_FAILURE),
          null,
          "An error on Stride's side stopped this pull; it is tried again shortly.");
      counted(account.source(), "error");
    }
    return true;
  }

  /** The account's tokens, refreshed first when they expire soon (or {@code force}). */
  private RemoteTokens fresh(
      ImportConnector connector, Account account, RemoteTokens tokens, boolean force) {
    if (force || tokens.expiresAt().isBefore(clock.instant().plus(REFRESH_AHEAD))) {
      tokens = connector.refresh(tokens.refreshToken());
      accounts.tokensRefreshed(account.userId(), account.source(), tokens);
    }
    return tokens;
  }

  private void handOver(
      ImportConnector connector, Account account, RemoteTokens tokens, RemoteActivity activity) {
    if (activities.exists(account.userId(), account.source(), activity.id())) {
      accounts.advanced(account.userId(), account.source(), activity.startTime());
      return;
    }
    Optional<RemoteFile> file = connector.file(tokens.accessToken(), activity);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    UUID importId = UUID.randomUUID();
    transactions.executeWithoutResult(
        status -> {
          if (!stillLinked(account)) {
            return; // unlinked or erased while this turn ran: hand over nothing more
          }
          ImportedActivityView row =
              new ImportedActivityView(
                  importId,
                  account.userId(),
                  activity.id(),
                  truncate(activity.name(), 255),
                  activity.startTime(),
                  file.isPresent() ? "accepted" : "skipped",
                  null,
                  file.isPresent()
                      ? null
                      : "Nothing was recorded for it on "
                          + connector.displayName()
                          + " (a manual entry): add it in Stride if you want it here",
                  now,
                  file.isPresent() ? null : now);
          if (activities.insert(row, account.source()) && file.isPresent()) {
            byte[] content = file.get().content();
            events.publish(
                new ActivityFileReceived(
                    importId,
                    account.userId(),
                    connector.displayName(),
                    connector.source() + ":" + activity.id(),
                    file.get().fileName(),
                    gzipBase64(content),
                    IdempotencyKeys.sha256(content),
                    file.get().sport(),
                    now,
                    activity.name(),
                    activity.visibility()));
            meters
                .counter(
                    "stride.integration.connector.activities",
                    "source",
                    account.source(),
                    "outcome",
                    "handed-over")
                .increment();
          } else if (file.isEmpty()) {
            meters
                .counter(
                    "stride.integration.connector.activities",
                    "source",
                    account.source(),
                    "outcome",
                    "skipped")
                .increment();
          }
          accounts.advanced(account.userId(), account.source(), activity.startTime());
        });
  }

  private boolean stillLinked(Account account) {
    return jdbc.sql(
            "select 1 from connector_account where user_id = ? and source = ? and remote_id = ?"
                + " for share")
        .params(account.userId(), account.source(), account.remoteId())
        .query(Integer.class)
        .optional()
        .isPresent();
  }

  private void counted(String source, String outcome) {
    meters
        .counter("stride.integration.connector.turns", "source", source, "outcome", outcome)
        .increment();
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  private static String gzipBase64(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 4 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(out.toByteArray());
  }
}
