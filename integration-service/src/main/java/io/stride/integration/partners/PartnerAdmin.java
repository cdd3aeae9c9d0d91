package io.stride.integration.partners;

import io.stride.catalog.ServiceCatalog;
import io.stride.integration.config.IntegrationApiDocs;
import io.stride.platform.idempotency.IdempotencyKeys;
import io.stride.platform.paging.Cursor;
import io.stride.platform.paging.Page;
import io.stride.platform.web.ConflictException;
import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.InvalidRequestException.FieldError;
import io.stride.platform.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Partners, as administrators register and change them. */
@Service
public class PartnerAdmin {

  private static final Instant END = Instant.parse("9999-12-31T00:00:00Z");

  private final Partners partners;
  private final IdempotencyKeys idempotency;
  private final JsonMapper json;
  private final Clock clock;
  private final Set<String> catalogScopes;

  PartnerAdmin(Partners partners, IdempotencyKeys idempotency, JsonMapper json, Clock clock) {
    this.partners = partners;
    this.idempotency = idempotency;
    this.json = json;
    this.clock = clock;
    this.catalogScopes = ServiceCatalog.load().scopes().keySet();
  }

  @Transactional
  PartnerView register(UUID admin, PartnerRequest request, String idempotencyKey) {
    UUID id =
        idempotency.createOnce(
            admin,
            "partner",
            idempotencyKey,
            json.writeValueAsString(request),
            () -> {
              Instant now = clock.instant();
              PartnerView partner = valid(UUID.randomUUID(), request, now, now);
              try {
                partners.insert(partner);
              } catch (DuplicateKeyException e) {
                throw clientTaken(partner.clientId());
              }
              return partner.id();
            });
    return get(id);
  }

  @Transactional
  PartnerView replace(UUID id, PartnerRequest request) {
    PartnerView held = get(id);
    PartnerView changed = valid(id, request, held.createdAt(), clock.instant());
    try {
      partners.update(changed);
    } catch (DuplicateKeyException e) {
      throw clientTaken(changed.clientId());
    }
    return get(id);
  }

  /** The partner; 404 when there is none. */
  public PartnerView get(UUID id) {
    return partners.find(id).orElseThrow(() -> new NotFoundException("No partner " + id + "."));
  }

  Page<PartnerView> list(String cursor, int limit) {
    After after = Cursor.decode(cursor, key -> new After(key.instant(), key.uuid()));
    List<PartnerView> fetched =
        after == null
            ? partners.page(END, new UUID(-1, -1), limit + 1)
            : partners.page(after.createdAt(), after.id(), limit + 1);
    return Page.of(fetched, limit, p -> Cursor.of(p.createdAt(), p.id()));
  }

  private PartnerView valid(UUID id, PartnerRequest request, Instant created, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    String kind = request.kind().toLowerCase(Locale.ROOT);
    if (!IntegrationApiDocs.PARTNER_KINDS.contains(kind)) {
      errors.add(new FieldError("kind", "must be one of " + IntegrationApiDocs.PARTNER_KINDS));
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (int i = 0; i < request.scopes().size(); i++) {
      String scope = request.scopes().get(i);
      if (!catalogScopes.contains(scope)) {
        errors.add(new FieldError("scopes[" + i + "]", "is not a Stride scope"));
      }
      scopes.add(scope);
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new PartnerView(
        id,
        request.name().strip(),
        request.contactEmail().strip(),
        kind,
        List.copyOf(scopes),
        request.clientId(),
        created,
        now);
  }

  private static ConflictException clientTaken(String clientId) {
    return new ConflictException("Client " + clientId + " is already another partner's.");
  }

  private record After(Instant createdAt, UUID id) {}
}
