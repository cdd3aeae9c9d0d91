package io.stride.auth.accounts;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks accounts up by email for the login form. The resulting principal's name is the account id,
 * so tokens carry {@code sub} = user id and never the email.
 */
@Service
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

  private final AccountRepository accounts;

  AccountUserDetailsService(AccountRepository accounts) {
    this.accounts = accounts;
  }

  @Override
  @Transactional(readOnly = true)
  public UserDetails loadUserByUsername(String email) {
    Account account =
        accounts
            .findByEmailNormalized(Account.normalize(email))
            .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    return toUser(account);
  }

  /** Re-hashes with the current encoder settings after a login with an older hash. */
  @Override
  @Transactional
  public UserDetails updatePassword(UserDetails user, String newPassword) {
    Account account =
        accounts
            .findById(java.util.UUID.fromString(user.getUsername()))
            .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    account.upgradePasswordHash(newPassword);
    return toUser(account);
  }

  private static UserDetails toUser(Account account) {
    return User.withUsername(account.id().toString())
        .password(account.passwordHash())
        .authorities(List.of(new SimpleGrantedAuthority("ROLE_ATHLETE")))
        .disabled(!account.enabled())
        .build();
  }
}
