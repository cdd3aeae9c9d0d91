package io.stride.auth.config;

import io.micrometer.observation.ObservationRegistry;
import io.stride.auth.login.LoginSecurity;
import io.stride.platform.security.ApiAuthorizationRules;
import io.stride.platform.security.ServiceSecurityAutoConfiguration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.CompositeRequestRejectedHandler;
import org.springframework.security.web.firewall.ObservationMarkingRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** The API chain (bearer tokens, stateless) and the browser chain (sign-in form, sessions). */
@Configuration
class WebSecurityConfig {

  /**
   * Firewall refusals as 400 problem+json; the observation of the refused request is still marked
   * as rejected, as Spring Security does by default.
   */
  @Bean
  RequestRejectedHandler requestRejectedHandler(ObjectProvider<ObservationRegistry> observations) {
    return new CompositeRequestRejectedHandler(
        new ObservationMarkingRequestRejectedHandler(
            observations.getIfAvailable(() -> ObservationRegistry.NOOP)),
        new ProblemRequestRejectedHandler());
  }

  /** Control characters in parameters are refused before security or anything else reads them. */
  @Bean
  FilterRegistrationBean<ControlCharacterParametersFilter> controlCharacterParametersFilter() {
    FilterRegistrationBean<ControlCharacterParametersFilter> registration =
        new FilterRegistrationBean<>(new ControlCharacterParametersFilter());
    // after the character encoding filter (parameters must be decoded as UTF-8), before security
    registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
    return registration;
  }

  @Bean
  @Order(2)
  SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
    ApiAuthorizationRules registrationIsOpen =
        rules -> rules.requestMatchers(HttpMethod.POST, "/api/v1/accounts").permitAll();
    return ServiceSecurityAutoConfiguration.applyApiSecurity(
            http.securityMatcher("/api/**"), List.of(registrationIsOpen))
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain browserChain(
      HttpSecurity http,
      LoginSecurity login,
      UserDetailsService users,
      UserDetailsPasswordService upgrades,
      PasswordEncoder passwords)
      throws Exception {
    http.authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers("/login", "/error", "/favicon.ico")
                    .permitAll()
                    .requestMatchers(ServiceSecurityAutoConfiguration.OPEN_PATHS)
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        // no parent manager: a throttled attempt must not be retried by another provider
        .authenticationManager(
            new ProviderManager(login.authenticationProvider(users, upgrades, passwords)))
        .formLogin(form -> form.loginPage("/login").failureHandler(login.failureHandler()))
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
    return http.build();
  }
}
