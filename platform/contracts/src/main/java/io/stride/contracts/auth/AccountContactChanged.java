package io.stride.contracts.auth;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.util.UUID;

/**
 * Where to reach an account by email, as it now stands: published when the account is created
 * ({@code emailVerified} false) and whenever the address or its verification changes. Published on
 * {@link AuthTopics#ACCOUNT_EMAILS}, which only notification-service reads: no other service holds
 * an email address. A consumer keeps the event with the highest {@code version} per account.
 *
 * @param emailVerified whether the owner proved the address by opening the link sent to it
 * @param version grows with every change of the account's contact data
 */
@EventType(name = "AccountContactChanged", version = 1)
public record AccountContactChanged(UUID userId, String email, boolean emailVerified, long version)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }

  /** Never the address in logs. */
  @Override
  public String toString() {
    return "AccountContactChanged[userId="
        + userId
        + ", emailVerified="
        + emailVerified
        + ", version="
        + version
        + "]";
  }
}
