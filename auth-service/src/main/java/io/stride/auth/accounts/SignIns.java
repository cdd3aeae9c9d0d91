package io.stride.auth.accounts;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.User;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything an account is signed in with: the OAuth2 authorizations of its apps and devices (with
 * their refresh tokens) and its browser sessions. Ended together when the account goes or its
 * password is reset; access tokens already issued run out on their own (≤ 15 minutes).
 */
@Component
class SignIns {

  private final JdbcTemplate jdbc;
  private final SessionRegistry sessions;

  SignIns(JdbcTemplate jdbc, SessionRegistry sessions) {
    this.jdbc = jdbc;
    this.sessions = sessions;
  }

  /**
   * Revokes every authorization of the account, in the caller's transaction, and expires its
   * browser sessions (each ends at its next request).
   *
   * @return how many authorizations were revoked
   */
  @Transactional(propagation = Propagation.MANDATORY)
  int endAll(UUID accountId) {
    String principal = accountId.toString();
    int authorizations = revoke("principal_name = ?", principal);
    // sessions are keyed by the signed-in user, whose equality is the username (the account id)
    sessions
        .getAllSessions(User.withUsername(principal).password("").build(), false)
        .forEach(SessionInformation::expireNow);
    return authorizations;
  }

  /**
   * Revokes the account's authorizations of one client (a disconnected app or device, every device
   * of that client), in the caller's transaction; its browser sessions stay.
   *
   * @return how many authorizations were revoked
   */
  @Transactional(propagation = Propagation.MANDATORY)
  int endOf(UUID accountId, String registeredClientId) {
    return revoke(
        "principal_name = ? and registered_client_id = ?",
        accountId.toString(),
        registeredClientId);
  }

  /** Deletes the authorizations {@code where} picks, with their rotated tokens and device polls. */
  private int revoke(String where, Object... arguments) {
    jdbc.update(
        "delete from rotated_refresh_token where authorization_id in"
            + " (select id from oauth2_authorization where "
            + where
            + ")",
        arguments);
    jdbc.update(
        "delete from device_poll where device_code_hash in"
            + " (select encode(sha256(convert_to(device_code_value, 'UTF8')), 'hex')"
            + " from oauth2_authorization where device_code_value is not null and "
            + where
            + ")",
        arguments);
    return jdbc.update("delete from oauth2_authorization where " + where, arguments);
  }
}
