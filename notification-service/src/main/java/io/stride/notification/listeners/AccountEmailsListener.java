package io.stride.notification.listeners;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.auth.AccountContactChanged;
import io.stride.contracts.auth.EmailVerificationRequested;
import io.stride.contracts.auth.PasswordResetRequested;
import io.stride.notification.delivery.AccountEmail;
import io.stride.notification.delivery.Deliveries;
import io.stride.notification.people.Persons;
import io.stride.platform.erasure.PlatformErasure;
import io.stride.platform.events.EventHandler;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * auth-service's contact data and account emails: the address is kept (forward in version), and
 * each verification or reset link is emailed once per event, to the address the event names.
 */
@Component
class AccountEmailsListener {

  private final Persons persons;
  private final Deliveries deliveries;
  private final PlatformErasure erasure;

  AccountEmailsListener(Persons persons, Deliveries deliveries, PlatformErasure erasure) {
    this.persons = persons;
    this.deliveries = deliveries;
    this.erasure = erasure;
  }

  @EventHandler
  void on(AccountContactChanged event) {
    persons.apply(event);
  }

  @EventHandler
  void onVerification(EventEnvelope<EmailVerificationRequested> envelope) {
    EmailVerificationRequested event = envelope.payload();
    send(
        envelope,
        AccountEmail.VERIFY_EMAIL,
        event.email(),
        event.displayName(),
        event.verifyUrl(),
        event.expiresAt().toString());
  }

  @EventHandler
  void onReset(EventEnvelope<PasswordResetRequested> envelope) {
    PasswordResetRequested event = envelope.payload();
    send(
        envelope,
        AccountEmail.RESET_PASSWORD,
        event.email(),
        event.displayName(),
        event.resetUrl(),
        event.expiresAt().toString());
  }

  private void send(
      EventEnvelope<?> envelope,
      AccountEmail kind,
      String email,
      String displayName,
      String url,
      String expiresAt) {
    java.util.UUID userId = java.util.UUID.fromString(envelope.subject());
    if (erasure.isErased(userId)) {
      return;
    }
    deliveries.accountEmail(
        envelope.id(),
        userId,
        kind,
        Map.of(
            "email", email,
            "displayName", displayName == null ? "" : displayName,
            "url", url,
            "expiresAt", expiresAt));
  }
}
