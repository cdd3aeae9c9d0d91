package io.stride.auth.accounts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, UUID> {

  Optional<Account> findByEmailNormalized(String emailNormalized);

  /**
   * Stores a new account unless its email is taken, in one statement that never fails on the unique
   * email: a concurrent registration of the same email waits for the other one and then inserts
   * nothing, so the surrounding transaction is not marked rollback-only.
   *
   * @return whether the account was stored
   */
  default boolean insertUnlessEmailTaken(Account account) {
    return insertUnlessEmailTaken(
            account.id(),
            account.email(),
            account.emailNormalized(),
            account.passwordHash(),
            account.displayName(),
            account.enabled(),
            account.createdAt(),
            account.emailVerified(),
            account.contactVersion())
        == 1;
  }

  @Modifying
  @Query(
      value =
          "insert into account"
              + " (id, email, email_normalized, password_hash, display_name, enabled, created_at,"
              + " email_verified, contact_version)"
              + " values (:id, :email, :emailNormalized, :passwordHash, :displayName, :enabled,"
              + " :createdAt, :emailVerified, :contactVersion)"
              + " on conflict (email_normalized) do nothing",
      nativeQuery = true)
  int insertUnlessEmailTaken(
      UUID id,
      String email,
      String emailNormalized,
      String passwordHash,
      String displayName,
      boolean enabled,
      Instant createdAt,
      boolean emailVerified,
      long contactVersion);
}
