package io.stride.integration.connections;

import io.stride.contracts.integration.PartnerConnected;
import io.stride.contracts.integration.PartnerDisconnected;
import io.stride.integration.delivery.Fanout;
import io.stride.platform.events.EventPublisher;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Athletes connecting and disconnecting clients (ADR 0038). Every connection is kept ({@link
 * Connections}); one to a partner's client is announced ({@code PartnerConnected}). A disconnection
 * of a partner's client cancels the partner's deliveries about the athlete still waiting, queues
 * {@code athlete.deauthorized} to its endpoints subscribed to it, and is announced ({@code
 * PartnerDisconnected}); from then on nothing of the athlete reaches the partner.
 */
@Component
public class PartnerLinks {

  static final String DEAUTHORIZED = "athlete.deauthorized";

  private static final Logger log = LoggerFactory.getLogger(PartnerLinks.class);

  private final Connections connections;
  private final Fanout fanout;
  private final EventPublisher events;
  private final JdbcClient jdbc;

  PartnerLinks(Connections connections, Fanout fanout, EventPublisher events, JdbcClient jdbc) {
    this.connections = connections;
    this.fanout = fanout;
    this.events = events;
    this.jdbc = jdbc;
  }

  /**
   * The scopes an athlete granted a partner's client, bounded by what the partner may be granted
   * (its scopes can narrow after the athlete connected); empty when the athlete has not connected
   * it.
   */
  public Optional<List<String>> granted(UUID userId, String clientId, List<String> partnerScopes) {
    return connections
        .granted(userId, clientId, partnerScopes)
        .map(scopes -> scopes.stream().filter(partnerScopes::contains).toList());
  }

  /** The partner holding a client: its id, name and the scopes it may be granted. */
  private record Holder(UUID partnerId, String name, List<String> scopes) {}

  /** In the transaction consuming {@code DeviceLinked}. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void connected(
      UUID userId, String clientId, @Nullable List<String> scopes, Instant connectedAt) {
    if (!connections.connected(userId, clientId, scopes, connectedAt)) {
      return;
    }
    Optional<Holder> holder = holderOf(clientId);
    if (holder.isEmpty()) {
      return;
    }
    List<String> granted = scopes != null ? scopes : holder.get().scopes();
    events.publish(
        new PartnerConnected(
            userId,
            holder.get().partnerId(),
            holder.get().name(),
            clientId,
            granted,
            eventTypesOf(holder.get().partnerId(), granted, holder.get().scopes()),
            connectedAt));
  }

  /** In the transaction consuming {@code AppDisconnected}, whose id {@code sourceEventId} is. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void disconnected(
      UUID sourceEventId, UUID userId, String clientId, Instant disconnectedAt) {
    if (!connections.disconnected(userId, clientId, disconnectedAt)) {
      return;
    }
    Optional<Holder> holder = holderOf(clientId);
    if (holder.isEmpty()) {
      return;
    }
    UUID partner = holder.get().partnerId();
    int cancelled = deauthorize(sourceEventId, userId, partner, "disconnected", disconnectedAt);
    events.publish(
        new PartnerDisconnected(userId, partner, holder.get().name(), clientId, disconnectedAt));
    log.info(
        "Athlete {} disconnected partner {}: {} pending deliveries cancelled",
        userId,
        partner,
        cancelled);
  }

  /**
   * In the transaction consuming {@code UserDeleted}, before the erasure: every partner the athlete
   * had connected hears {@code athlete.deauthorized} (reason {@code account_deleted}) on its
   * endpoints that subscribe to it, and its pending deliveries about them are cancelled. Those
   * messages are all the erasure keeps, until each is delivered or given up on.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void accountDeleted(UUID sourceEventId, UUID userId, Instant deletedAt) {
    List<UUID> partners =
        jdbc.sql(
                """
                select p.partner_id from connection c join partner p on p.client_id = c.client_id
                where c.user_id = ? order by p.partner_id
                """)
            .param(userId)
            .query(UUID.class)
            .list();
    for (UUID partner : partners) {
      deauthorize(sourceEventId, userId, partner, "account_deleted", deletedAt);
    }
  }

  /**
   * The partner's pending deliveries about the athlete are cancelled and {@code
   * athlete.deauthorized} queued to its endpoints that subscribe to it; how many were cancelled.
   */
  private int deauthorize(
      UUID sourceEventId, UUID userId, UUID partner, String reason, Instant at) {
    int cancelled = fanout.cancelPending(userId, partner);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("athleteId", userId.toString());
    data.put("reason", reason);
    data.put("deauthorizedAt", at.toString());
    fanout.queueToPartner(sourceEventId, userId, partner, DEAUTHORIZED, data);
    return cancelled;
  }

  private Optional<Holder> holderOf(String clientId) {
    return jdbc.sql("select partner_id, name, scopes from partner where client_id = ?")
        .param(clientId)
        .query(
            (rs, row) ->
                new Holder(
                    rs.getObject("partner_id", UUID.class),
                    rs.getString("name"),
                    Arrays.asList((String[]) rs.getArray("scopes").getArray())))
        .optional();
  }

  /**
   * What the partner's enabled endpoints will send of the athlete: a type needing a scope only when
   * both the athlete granted it and the partner may hold it (as {@link Fanout} sends).
   */
  private List<String> eventTypesOf(
      UUID partnerId, List<String> granted, List<String> partnerScopes) {
    return jdbc
        .sql(
            """
            select distinct t from webhook_endpoint e, unnest(e.event_types) t
            where e.partner_id = ? and e.enabled order by t
            """)
        .param(partnerId)
        .query(String.class)
        .list()
        .stream()
        .filter(
            type -> {
              String needed = Fanout.scopeOf(type);
              return needed == null || (granted.contains(needed) && partnerScopes.contains(needed));
            })
        .toList();
  }
}
