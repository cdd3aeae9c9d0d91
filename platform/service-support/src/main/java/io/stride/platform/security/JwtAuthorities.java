package io.stride.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * The authorities of a Stride access token: {@code SCOPE_x} for every scope (what the client may
 * do) and {@code ROLE_x} for every entry of the {@code roles} claim (what the person it acts for
 * is, e.g. {@code ROLE_ADMIN}), so rules say {@code hasAuthority("SCOPE_x")} or {@code
 * hasRole("ADMIN")}. auth-service issues {@code roles} only to user tokens of first-party apps (ADR
 * 0030); a claim that is not an array of upper-case names gives no role at all.
 */
public final class JwtAuthorities implements Converter<Jwt, Collection<GrantedAuthority>> {

  /** The claim listing the roles of the person a token acts for, e.g. {@code ["ADMIN"]}. */
  public static final String ROLES_CLAIM = "roles";

  private static final Pattern ROLE_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

  private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

  @Override
  public Collection<GrantedAuthority> convert(Jwt jwt) {
    List<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
    if (jwt.getClaims().get(ROLES_CLAIM) instanceof Collection<?> roles) {
      for (Object role : roles) {
        if (role instanceof String name && ROLE_NAME.matcher(name).matches()) {
          authorities.add(new SimpleGrantedAuthority("ROLE_" + name));
        }
      }
    }
    return authorities;
  }
}
