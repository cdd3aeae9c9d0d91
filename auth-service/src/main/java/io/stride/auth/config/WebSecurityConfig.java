package io.stride.auth.config;

import io.stride.auth.login.LoginSecurity;
import io.stride.platform.security.ApiAuthorizationRules;
import io.stride.platform.security.ServiceSecurityAutoConfiguration;
import io.stride.platform.web.ControlCharacterParametersFilter;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/** The API chain (bearer tokens, stateless) and the browser chain (sign-in form, sessions). */
@Configuration
class WebSecurityConfig {

  /**
   * The platform's refusal of control characters in parameters, with the RFC 6749 error code OAuth
   * clients read ({@code error: invalid_request}) added to the problem.
   */
  @Bean
  ControlCharacterParametersFilter controlCharacterParametersFilter() {
    return new ControlCharacterParametersFilter(
        problem -> problem.setProperty("error", "invalid_request"));
  }

  @Bean
  @Order(2)
  SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
    ApiAuthorizationRules accountRules =
        rules ->
            rules
                .requestMatchers(HttpMethod.POST, "/api/v1/accounts")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/accounts/me/deletion")
                .hasAuthority("SCOPE_account:manage")
                .requestMatchers("/api/v1/accounts/me/connected-apps/**")
                .hasAuthority("SCOPE_account:manage")
                // partners' OAuth clients: administrators only (ADR 0039)
                .requestMatchers(HttpMethod.GET, "/api/v1/auth/clients", "/api/v1/auth/clients/**")
                .access(
                    AuthorizationManagers.allOf(
                        AuthorityAuthorizationManager.hasAuthority("SCOPE_clients:read"),
                        AuthorityAuthorizationManager.hasRole("ADMIN")))
                .requestMatchers("/api/v1/auth/clients", "/api/v1/auth/clients/**")
                .access(
                    AuthorizationManagers.allOf(
                        AuthorityAuthorizationManager.hasAuthority("SCOPE_clients:write"),
                        AuthorityAuthorizationManager.hasRole("ADMIN")));
    return ServiceSecurityAutoConfiguration.applyApiSecurity(
            http.securityMatcher("/api/**"), List.of(accountRules))
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain browserChain(
      HttpSecurity http,
      LoginSecurity login,
      UserDetailsService users,
      UserDetailsPasswordService upgrades,
      PasswordEncoder passwords,
      SessionRegistry sessionRegistry)
      throws Exception {
    http.authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers(
                        "/login",
                        "/register",
                        "/forgot-password",
                        "/reset-password",
                        "/verify-email",
                        "/error",
                        "/favicon.ico")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/logout")
                    .permitAll()
                    .requestMatchers(ServiceSecurityAutoConfiguration.OPEN_PATHS)
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        // no parent manager: a throttled attempt must not be retried by another provider
        .authenticationManager(
            new ProviderManager(login.authenticationProvider(users, upgrades, passwords)))
        .formLogin(
            form ->
                form.loginPage("/login")
                    .defaultSuccessUrl("/account")
                    .failureHandler(login.failureHandler()))
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        // sessions are registered, so that a password reset can end them (SignIns)
        .sessionManagement(
            sessions ->
                sessions
                    .maximumSessions(-1)
                    .sessionRegistry(sessionRegistry)
                    .expiredUrl("/login?expired"));
    return http.build();
  }
}
