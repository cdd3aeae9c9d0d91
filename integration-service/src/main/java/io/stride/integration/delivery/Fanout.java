package io.stride.integration.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one source event into one queued delivery per enabled endpoint subscribed to its type whose
 * partner's client the athlete connected, in the consuming transaction. The webhook id is derived
 * from the source event and the endpoint, so the same event never queues twice.
 */
@Component
public class Fanout {

  private final JdbcClient jdbc;
  private final Deliveries deliveries;
  private final JsonMapper json;
  private final Clock clock;
  private final DeliveryWorker worker;

  Fanout(
      JdbcClient jdbc, Deliveries deliveries, JsonMapper json, Clock clock, DeliveryWorker worker) {
    this.jdbc = jdbc;
    this.deliveries = deliveries;
    this.json = json;
    this.clock = clock;
    this.worker = worker;
  }

  /**
   * The scope a partner needs to hear of {@code type}: what the athlete let it read through the API
   * (a partner without {@code workouts:read} learns nothing of workouts by webhook either); null
   * for what needs none.
   */
  public static String scopeOf(String type) {
    return type.startsWith("workout.") ? "workouts:read" : null;
  }

  /**
   * Queues {@code type} with {@code data} for the athlete's connected partners; how many. The
   * connections read are share-locked, so a disconnection committing meanwhile either comes first
   * (nothing queued) or waits and then cancels what was queued.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int queue(UUID sourceEventId, UUID athleteId, String type, Map<String, Object> data) {
    List<UUID> endpoints =
        jdbc.sql(
                """
                select e.endpoint_id from webhook_endpoint e
                join partner p on p.partner_id = e.partner_id
                join connection c on c.client_id = p.client_id
                where c.user_id = ? and e.enabled and ? = any (e.event_types)
                  and (cast(? as text) is null
                       or (? = any (p.scopes) and (c.scopes is null or ? = any (c.scopes))))
                order by e.endpoint_id
                for share of c
                """)
            .params(athleteId, type, scopeOf(type), scopeOf(type), scopeOf(type))
            .query(UUID.class)
            .list();
    return queueTo(endpoints, sourceEventId, athleteId, type, data);
  }

  /**
   * Queues {@code type} with {@code data} about the athlete for every endpoint of one partner
   * subscribed to it, connected or not (the athlete's disconnection itself), a disabled endpoint's
   * too: it goes out when the endpoint is switched on again, so the partner always learns it must
   * delete the athlete's data; how many.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int queueToPartner(
      UUID sourceEventId, UUID athleteId, UUID partnerId, String type, Map<String, Object> data) {
    List<UUID> endpoints =
        jdbc.sql(
                """
                select endpoint_id from webhook_endpoint
                where partner_id = ? and ? = any (event_types)
                order by endpoint_id
                """)
            .params(partnerId, type)
            .query(UUID.class)
            .list();
    return queueTo(endpoints, sourceEventId, athleteId, type, data);
  }

  /** The partner's pending deliveries about the athlete are cancelled; how many. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int cancelPending(UUID athleteId, UUID partnerId) {
    return deliveries.cancelPending(athleteId, partnerId);
  }

  private int queueTo(
      List<UUID> endpoints,
      UUID sourceEventId,
      UUID athleteId,
      String type,
      Map<String, Object> data) {
    if (endpoints.isEmpty()) {
      return 0;
    }
    Instant now = clock.instant();
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("type", type);
    message.put("timestamp", now.toString());
    message.put("data", data);
    String body = json.writeValueAsString(message);
    int queued =
        deliveries.insertAll(
            endpoints,
            endpoints.stream().map(endpoint -> webhookId(sourceEventId, endpoint)).toList(),
            sourceEventId,
            athleteId,
            type,
            body,
            now);
    if (queued > 0) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              worker.wakeUp(); // sent now, not at the next poll
            }
          });
    }
    return queued;
  }

  /** {@code msg_} and a name-based UUID of the source event and the endpoint. */
  static String webhookId(UUID sourceEventId, UUID endpointId) {
    UUID derived =
        UUID.nameUUIDFromBytes((sourceEventId + ":" + endpointId).getBytes(StandardCharsets.UTF_8));
    return "msg_" + derived.toString().replace("-", "");
  }
}
