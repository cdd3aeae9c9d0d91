package io.stride.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own access rules (which scope each endpoint needs), applied by the platform's
 * security chain before its catch-all "authenticated". Declare one bean per service.
 */
@FunctionalInterface
public interface ApiAuthorizationRules {

  void configure(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules);
}
