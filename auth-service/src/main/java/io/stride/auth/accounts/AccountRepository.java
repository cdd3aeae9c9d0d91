package io.stride.auth.accounts;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, UUID> {

  Optional<Account> findByEmailNormalized(String emailNormalized);

  boolean existsByEmailNormalized(String emailNormalized);
}
