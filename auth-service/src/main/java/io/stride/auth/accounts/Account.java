package io.stride.auth.accounts;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A login identity: email, whether its owner proved it, and password hash. The athlete's data lives
 * in profile-service.
 */
@Entity
@Table(name = "account")
class Account {

  @Id private UUID id;
  private String email;
  private String emailNormalized;
  private String passwordHash;
  private String displayName;
  private boolean enabled;
  private Instant createdAt;
  private boolean emailVerified;

  /** Grows with every change of the contact data; {@code AccountContactChanged} carries it. */
  private long contactVersion;

  protected Account() {}

  Account(UUID id, String email, String passwordHash, String displayName, Instant createdAt) {
    this.id = id;
    this.email = email.trim();
    this.emailNormalized = normalize(email);
    this.passwordHash = passwordHash;
    this.displayName = displayName.trim();
    this.enabled = true;
    this.createdAt = createdAt;
    this.emailVerified = false;
    this.contactVersion = 1;
  }

  /** Emails are unique regardless of case and surrounding spaces. */
  static String normalize(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  UUID id() {
    return id;
  }

  String email() {
    return email;
  }

  String emailNormalized() {
    return emailNormalized;
  }

  String passwordHash() {
    return passwordHash;
  }

  String displayName() {
    return displayName;
  }

  boolean enabled() {
    return enabled;
  }

  Instant createdAt() {
    return createdAt;
  }

  boolean emailVerified() {
    return emailVerified;
  }

  long contactVersion() {
    return contactVersion;
  }

  void upgradePasswordHash(String newHash) {
    this.passwordHash = newHash;
  }
}
