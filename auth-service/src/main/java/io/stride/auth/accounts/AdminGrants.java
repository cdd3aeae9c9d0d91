package io.stride.auth.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Grants the role ADMIN as operators configure it ({@link AdminProperties}): at every start the
 * accounts holding it become exactly those whose verified address is listed, and a listed address
 * verified later gains it at once. Only a verified address counts: registration proves nothing, so
 * whoever registered a listed address first must not become admin by it (ADR 0030).
 */
@Service
class AdminGrants implements ApplicationRunner {

  static final String ADMIN = "ADMIN";

  private static final Logger log = LoggerFactory.getLogger(AdminGrants.class);

  private final AdminProperties properties;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;

  AdminGrants(
      AdminProperties properties,
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      Clock clock) {
    this.properties = properties;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    grantExactly(properties.admins());
  }

  /**
   * In one transaction: ADMIN for every account whose verified address is in {@code emails}, taken
   * from every other account. Replicas starting together with the same list agree.
   */
  void grantExactly(Collection<String> emails) {
    String[] listed = normalized(emails).toArray(String[]::new);
    transactions.executeWithoutResult(
        status -> {
          List<UUID> revoked =
              jdbc.queryForList(
                  "delete from account_role r where r.role = ? and not exists (select 1 from"
                      + " account a where a.id = r.account_id and a.email_verified"
                      + " and a.email_normalized = any(?)) returning r.account_id",
                  UUID.class,
                  ADMIN,
                  listed);
          List<UUID> granted =
              jdbc.queryForList(
                  "insert into account_role (account_id, role, granted_at)"
                      + " select id, ?, cast(? as timestamptz) from account"
                      + " where email_verified and email_normalized = any(?)"
                      + " on conflict do nothing returning account_id",
                  UUID.class,
                  ADMIN,
                  Timestamp.from(clock.instant()),
                  listed);
          int admins =
              jdbc.queryForObject(
                  "select count(*) from account_role where role = ?", Integer.class, ADMIN);
          // account ids only: the addresses are the operators' configuration, not log content
          log.info(
              "Role ADMIN: {} accounts hold it ({} listed addresses); granted to {}, revoked from"
                  + " {}",
              admins,
              listed.length,
              granted,
              revoked);
          if (admins < listed.length) {
            log.info(
                "{} listed addresses have no verified account yet: each gains ADMIN when verified",
                listed.length - admins);
          }
        });
  }

  /** In the verification's transaction: ADMIN for the account if its address is listed. */
  @Transactional(propagation = Propagation.MANDATORY)
  void verified(UUID accountId, String email) {
    if (!normalized(properties.admins()).contains(Account.normalize(email))) {
      return;
    }
    int granted =
        jdbc.update(
            "insert into account_role (account_id, role, granted_at) values (?, ?, ?)"
                + " on conflict do nothing",
            accountId,
            ADMIN,
            Timestamp.from(clock.instant()));
    if (granted == 1) {
      log.info("Role ADMIN granted to account {}: its verified address is listed", accountId);
    }
  }

  private static Set<String> normalized(Collection<String> emails) {
    return emails.stream()
        .filter(email -> email != null && !email.isBlank())
        .map(Account::normalize)
        .collect(Collectors.toSet());
  }
}
