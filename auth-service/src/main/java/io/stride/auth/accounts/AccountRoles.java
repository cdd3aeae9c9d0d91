package io.stride.auth.accounts;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The roles of an account (only {@code ADMIN} exists, ADR 0030), read when a token is issued, so a
 * role granted or revoked reaches tokens at the next sign-in or refresh.
 */
@Service
public class AccountRoles {

  private final JdbcTemplate jdbc;

  AccountRoles(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The roles of the account {@code accountId}, by name; none for an id that names no account. */
  public List<String> of(String accountId) {
    UUID id;
    try {
      id = UUID.fromString(accountId);
    } catch (IllegalArgumentException notAnAccountId) {
      return List.of();
    }
    return jdbc.queryForList(
        "select role from account_role where account_id = ? order by role", String.class, id);
  }
}
