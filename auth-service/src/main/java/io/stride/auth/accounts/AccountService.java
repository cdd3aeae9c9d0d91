package io.stride.auth.accounts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.stride.contracts.auth.UserRegistered;
import io.stride.platform.events.EventPublisher;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountService {

  private static final Logger log = LoggerFactory.getLogger(AccountService.class);

  private final AccountRepository accounts;
  private final PasswordEncoder passwords;
  private final PasswordPolicy policy = PasswordPolicy.withBundledList();
  private final EventPublisher events;
  private final EmailVerifications verifications;
  private final Clock clock;
  private final Counter registrations;

  AccountService(
      AccountRepository accounts,
      PasswordEncoder passwords,
      EventPublisher events,
      EmailVerifications verifications,
      Clock clock,
      MeterRegistry meters) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.events = events;
    this.verifications = verifications;
    this.clock = clock;
    // new accounts only (a taken email counts nothing), for the business dashboard
    this.registrations =
        Counter.builder("stride.auth.registrations")
            .description("Accounts created")
            .register(meters);
  }

  /**
   * Registers an account and announces it: {@code UserRegistered} to every service, its address
   * with a verification link to notification-service ({@link EmailVerifications}). An email that is
   * taken ends the same way to the caller (and costs the same hashing time and one insert attempt),
   * so the answer leaks nothing. Two registrations of one email at the same time end the same way
   * too: the database decides which one stores the account, and the other one stores nothing
   * without an error.
   *
   * @return the new account's id, or empty when the email was taken
   */
  @Transactional
  Optional<UUID> register(RegisterAccountRequest request) {
    policy.check(request.password(), request.email(), request.displayName());
    String hash = passwords.encode(request.password());
    Account account =
        new Account(
            UUID.randomUUID(), request.email(), hash, request.displayName(), clock.instant());
    if (!accounts.insertUnlessEmailTaken(account)) {
      log.info("Registration for an email that already has an account (not disclosed to caller)");
      return Optional.empty();
    }
    events.publish(new UserRegistered(account.id(), account.displayName(), account.createdAt()));
    verifications.registered(account);
    registrations.increment();
    return Optional.of(account.id());
  }
}
