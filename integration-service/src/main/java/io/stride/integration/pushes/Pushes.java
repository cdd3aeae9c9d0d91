package io.stride.integration.pushes;

import io.micrometer.core.instrument.MeterRegistry;
import io.stride.contracts.integration.ActivityFileReceived;
import io.stride.integration.connections.PartnerLinks;
import io.stride.platform.events.EventPublisher;
import io.stride.platform.web.ConflictException;
import io.stride.platform.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partners' pushes: each verified push of an athlete who connected the partner's app with {@code
 * workouts:write} is stored and its file handed to workout-service ({@code ActivityFileReceived})
 * in one transaction. A retried request (same webhook-id, same body) and a second push of the same
 * activity (same external id) answer the first push and import nothing again.
 */
@Service
class Pushes {

  static final String METER = "stride.integration.pushes";
  static final String WRITE_SCOPE = "workouts:write";

  private final PushRecords records;
  private final PartnerLinks links;
  private final EventPublisher events;
  private final MeterRegistry meters;
  private final Clock clock;

  Pushes(
      PushRecords records,
      PartnerLinks links,
      EventPublisher events,
      MeterRegistry meters,
      Clock clock) {
    this.records = records;
    this.links = links;
    this.events = events;
    this.meters = meters;
    this.clock = clock;
  }

  /** What a push request got: its push, and whether this request made it. */
  record Outcome(PushView push, boolean created) {}

  @Transactional
  Outcome accept(SignedPush signed, PushRequest request) {
    Optional<Outcome> repeated = repeatedRequest(signed);
    if (repeated.isPresent()) {
      return repeated.get();
    }
    UUID athlete = request.athleteId();
    Optional<List<String>> granted =
        signed.clientId() == null
            ? Optional.empty()
            : links.granted(athlete, signed.clientId(), signed.partnerScopes());
    if (granted.isEmpty()) {
      count("not-connected");
      throw new NotFoundException(
          "Athlete " + athlete + " has not connected " + signed.partnerName() + ".");
    }
    if (!granted.get().contains(WRITE_SCOPE)) {
      count("not-allowed");
      throw new AccessDeniedException(
          "Athlete "
              + athlete
              + " connected "
              + signed.partnerName()
              + " without letting it add workouts ("
              + WRITE_SCOPE
              + "); they can connect it again and allow that.");
    }
    PushedFile file = PushedFile.decode(request.file());
    Optional<PushView> sameActivity =
        records.byExternalId(signed.partnerId(), athlete, request.externalId());
    if (sameActivity.isPresent()) {
      count("repeated");
      return new Outcome(sameActivity.get(), false);
    }
    Instant now = clock.instant();
    PushView push =
        new PushView(
            UUID.randomUUID(),
            athlete,
            request.externalId(),
            request.fileName(),
            "accepted",
            null,
            null,
            now,
            null);
    if (!records.insert(signed.partnerId(), signed.webhookId(), signed.bodySha256(), push)) {
      // a concurrent push of the same request or activity won: answer what it made
      return repeatedRequest(signed)
          .or(
              () ->
                  records
                      .byExternalId(signed.partnerId(), athlete, request.externalId())
                      .map(first -> new Outcome(first, false)))
          .orElseThrow(() -> new IllegalStateException("push " + push.id() + " was not stored"));
    }
    events.publish(
        new ActivityFileReceived(
            push.id(),
            athlete,
            signed.partnerName(),
            request.externalId(),
            request.fileName(),
            file.gzipBase64(),
            file.sha256(),
            request.sport() == null ? null : request.sport().toLowerCase(java.util.Locale.ROOT),
            now,
            null,
            null));
    count("accepted");
    return new Outcome(push, true);
  }

  /** The partner's push; 404 when it has none of this id (or it is older than 30 days). */
  PushView require(UUID partnerId, UUID pushId) {
    return records
        .find(partnerId, pushId)
        .orElseThrow(
            () -> new NotFoundException("Partner " + partnerId + " has no push " + pushId + "."));
  }

  /** The push an earlier request with this webhook-id made; 409 when its body was another. */
  private Optional<Outcome> repeatedRequest(SignedPush signed) {
    return records
        .byWebhookId(signed.partnerId(), signed.webhookId())
        .map(
            sent -> {
              if (!sent.bodySha256().equals(signed.bodySha256())) {
                count("conflict");
                throw new ConflictException(
                    "webhook-id "
                        + signed.webhookId()
                        + " was sent before with another body: give every push its own id (a"
                        + " retry sends the same id with the same body).");
              }
              count("repeated");
              return new Outcome(sent.push(), false);
            });
  }

  private void count(String outcome) {
    meters.counter(METER, "outcome", outcome).increment();
  }
}
