package io.stride.auth.oauth;

import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * When the user last proved who they are: the latest factor (the password) of their sign-in, the
 * same instant Spring Authorization Server puts in an ID token's {@code auth_time}.
 */
final class SignInTime {

  private static final AuthenticationTrustResolverImpl TRUST =
      new AuthenticationTrustResolverImpl();

  private SignInTime() {}

  /** Empty for nobody signed in (no authentication, or an anonymous one). */
  static Optional<Instant> of(Authentication authentication) {
    if (!TRUST.isAuthenticated(authentication)) {
      return Optional.empty();
    }
    return authentication.getAuthorities().stream()
        .filter(FactorGrantedAuthority.class::isInstance)
        .map(authority -> ((FactorGrantedAuthority) authority).getIssuedAt())
        .max(Instant::compareTo);
  }
}
