package io.stride.integration.webhooks;

import io.stride.integration.config.IntegrationApiDocs;
import io.stride.integration.partners.PartnerAdmin;
import io.stride.integration.safety.TargetUrls;
import io.stride.integration.safety.TargetUrls.InvalidTargetException;
import io.stride.platform.idempotency.IdempotencyKeys;
import io.stride.platform.paging.Cursor;
import io.stride.platform.paging.Page;
import io.stride.platform.web.ConflictException;
import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Partners' webhook endpoints and their signing secrets, as administrators manage them. */
@Service
public class EndpointAdmin {

  private static final Instant END = Instant.parse("9999-12-31T00:00:00Z");

  private final Endpoints endpoints;
  private final PartnerAdmin partners;
  private final SecretSealer sealer;
  private final TargetUrls targets;
  private final IdempotencyKeys idempotency;
  private final JsonMapper json;
  private final Clock clock;

  EndpointAdmin(
      Endpoints endpoints,
      PartnerAdmin partners,
      SecretSealer sealer,
      TargetUrls targets,
      IdempotencyKeys idempotency,
      JsonMapper json,
      Clock clock) {
    this.endpoints = endpoints;
    this.partners = partners;
    this.sealer = sealer;
    this.targets = targets;
    this.idempotency = idempotency;
    this.json = json;
    this.clock = clock;
  }

  /** A new endpoint with its first secret; a repeat with the same key answers the same. */
  @Transactional
  NewSecretView create(UUID admin, UUID partnerId, EndpointRequest request, String key) {
    partners.get(partnerId);
    List<String> types = validTypes(request);
    checkUrl(request.url());
    boolean[] made = {false};
    UUID id =
        idempotency.createOnce(
            admin,
            "webhook-endpoint",
            key,
            // the partner is part of the request: the same key for another partner is a conflict
            partnerId + ":" + json.writeValueAsString(request),
            () -> {
              Instant now = clock.instant();
              UUID created = UUID.randomUUID();
              endpoints.insert(
                  new EndpointView(
                      created,
                      partnerId,
                      request.url(),
                      types,
                      request.enabled() == null || request.enabled(),
                      null,
                      null,
                      now,
                      now));
              endpoints.insertSecret(created, sealer.seal(WebhookSignature.newSecret()), now);
              made[0] = true;
              return created;
            });
    if (!made[0] && endpoints.rotatedSinceCreation(id)) {
      throw new ConflictException(
          "Webhook endpoint "
              + id
              + " was created by this request already and its secret rotated since: the"
              + " current secret was shown once, by the rotation. Rotate again for a new one.");
    }
    String secret = sealer.open(endpoints.currentSecret(id).orElseThrow());
    return new NewSecretView(require(partnerId, id), secret, null);
  }

  @Transactional
  EndpointView replace(UUID partnerId, UUID id, EndpointRequest request) {
    endpoints.lock(partnerId, id).orElseThrow(() -> notFound(partnerId, id));
    List<String> types = validTypes(request);
    checkUrl(request.url());
    endpoints.update(
        id, request.url(), types, request.enabled() == null || request.enabled(), clock.instant());
    return require(partnerId, id);
  }

  /**
   * A new current secret; the previous one signs too until {@code expiresInHours} from now (0: it
   * stops at once). 409 while an earlier rotation's secret still signs, unless 0.
   */
  @Transactional
  NewSecretView rotate(UUID partnerId, UUID id, RotationRequest request) {
    endpoints.lock(partnerId, id).orElseThrow(() -> notFound(partnerId, id));
    Instant now = clock.instant();
    int hours = RotationRequest.overlapHours(request);
    Instant expiresAt = now.plus(Duration.ofHours(hours));
    Optional<Instant> retiring = endpoints.retiringUntil(id, now);
    if (hours > 0 && retiring.isPresent()) {
      throw new ConflictException(
          "The secret replaced by the last rotation still signs until "
              + retiring.get()
              + ": rotating again would drop it before the partner moved off it. Rotate after"
              + " then, or with expiresInHours 0 to replace the current secret at once (a leaked"
              + " one), which ends every overlap.");
    }
    endpoints.retireCurrent(id, expiresAt);
    String secret = WebhookSignature.newSecret();
    endpoints.insertSecret(id, sealer.seal(secret), now);
    return new NewSecretView(require(partnerId, id), secret, expiresAt);
  }

  /** The partner's endpoint; 404 when there is none or it is another partner's. */
  public EndpointView require(UUID partnerId, UUID id) {
    return endpoints.find(partnerId, id).orElseThrow(() -> notFound(partnerId, id));
  }

  Page<EndpointView> list(UUID partnerId, String cursor, int limit) {
    partners.get(partnerId);
    After after = Cursor.decode(cursor, key -> new After(key.instant(), key.uuid()));
    List<EndpointView> fetched =
        after == null
            ? endpoints.page(partnerId, END, new UUID(-1, -1), limit + 1)
            : endpoints.page(partnerId, after.createdAt(), after.id(), limit + 1);
    return Page.of(fetched, limit, e -> Cursor.of(e.createdAt(), e.id()));
  }

  private void checkUrl(String url) {
    try {
      targets.check(url);
    } catch (InvalidTargetException e) {
      throw InvalidRequestException.of("url", e.getMessage());
    }
  }

  private static List<String> validTypes(EndpointRequest request) {
    List<InvalidRequestException.FieldError> errors = new ArrayList<>();
    LinkedHashSet<String> types = new LinkedHashSet<>();
    for (int i = 0; i < request.eventTypes().size(); i++) {
      String type = request.eventTypes().get(i);
      if (!IntegrationApiDocs.EVENT_TYPES.contains(type)) {
        errors.add(
            new InvalidRequestException.FieldError(
                "eventTypes[" + i + "]", "must be one of " + IntegrationApiDocs.EVENT_TYPES));
      }
      types.add(type);
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return List.copyOf(types);
  }

  private static NotFoundException notFound(UUID partnerId, UUID id) {
    return new NotFoundException("Partner " + partnerId + " has no webhook endpoint " + id + ".");
  }

  private record After(Instant createdAt, UUID id) {}
}
