package io.stride.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.auth.DeviceLinked;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.TestTokens;
import io.stride.platform.test.TopicWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import tools.jackson.databind.JsonNode;

/** Partners, endpoints, connections and workouts as the tests need them. */
public final class IntegrationFixtures {

  public static final UUID ADMIN = UUID.randomUUID();
  public static final String PARTNERS = "/api/v1/integration/partners";

  private final HttpJson http;
  private final DataSource database;

  public IntegrationFixtures(HttpJson http, DataSource database) {
    this.http = http;
    this.database = database;
  }

  public static String adminToken() {
    return TestTokens.get().forAdmin(ADMIN, "integration:read", "integration:write");
  }

  /** A partner holding a fresh client id; returns {id, clientId}. */
  public Partner partner() {
    return partner(List.of("workouts:read"));
  }

  /** A partner with {@code scopes}, holding a fresh client id. */
  public Partner partner(List<String> scopes) {
    String clientId = "partner-" + UUID.randomUUID();
    HttpJson.Reply reply =
        http.post(
            PARTNERS,
            adminToken(),
            Map.of(
                "name", "Acme Coaching",
                "contactEmail", "hooks@acme.example",
                "kind", "third-party",
                "scopes", scopes,
                "clientId", clientId));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return new Partner(UUID.fromString(reply.json().get("id").asString()), clientId);
  }

  /** An endpoint of the partner at {@code url} for {@code types}; returns {id, secret}. */
  public Endpoint endpoint(Partner partner, String url, String... types) {
    HttpJson.Reply reply =
        http.post(
            endpoints(partner), adminToken(), Map.of("url", url, "eventTypes", List.of(types)));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    JsonNode json = reply.json();
    return new Endpoint(
        UUID.fromString(json.get("endpoint").get("id").asString()), json.get("secret").asString());
  }

  public static String endpoints(Partner partner) {
    return PARTNERS + "/" + partner.id() + "/webhook-endpoints";
  }

  public static String endpoint(Partner partner, Endpoint endpoint) {
    return endpoints(partner) + "/" + endpoint.id();
  }

  /** The athlete approved the partner's client (auth-service's DeviceLinked), applied. */
  public UUID connectedAthlete(Partner partner) {
    UUID athlete = UUID.randomUUID();
    connect(athlete, partner.clientId());
    return athlete;
  }

  public void connect(UUID athlete, String clientId) {
    applied(new DeviceLinked(athlete, clientId, "Acme Coaching", Instant.now()));
  }

  public EventEnvelope<StrideEvent> applied(StrideEvent event) {
    return TopicWriter.sendApplied(event, database, "integration");
  }

  public static WorkoutSummary workout(UUID athlete, String visibility) {
    return new WorkoutSummary(
        UUID.randomUUID(),
        athlete,
        "run",
        "Lunch run",
        Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600),
        3000,
        2900L,
        10_000.0,
        80.0,
        650,
        152,
        visibility,
        "manual",
        List.of());
  }

  public EventEnvelope<StrideEvent> recorded(UUID athlete, String visibility) {
    return applied(new WorkoutRecorded(workout(athlete, visibility)));
  }

  /** The Standard Webhooks signature {@code v1,…} of the request under {@code secret}. */
  public static String signature(String secret, Receiver.Request request) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    String signed =
        request.header("webhook-id")
            + "."
            + request.header("webhook-timestamp")
            + "."
            + request.body();
    return "v1,"
        + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
  }

  public record Partner(UUID id, String clientId) {}

  public record Endpoint(UUID id, String secret) {}
}
