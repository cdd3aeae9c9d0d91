package io.stride.auth.conformance;

import io.stride.auth.AuthTestSupport;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.OAuthFlows;
import io.stride.platform.test.conformance.ServiceConformanceTests;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The platform conformance rules (tokens, scopes, input, actuator, errors, OpenAPI), generated for
 * every operation of auth-service's own API (registration and account operations; the OAuth
 * endpoints are the authorization server's and are tested in the OAuth test classes). auth is its
 * own issuer, so valid tokens come from a real sign-in rather than the test issuer.
 */
class AuthConformanceIntegrationTests extends ServiceConformanceTests {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  private final Map<String, String> tokens = new HashMap<>();

  @Override
  protected String[] scopes() {
    return new String[] {"openid", "account:manage", "clients:read", "clients:write"};
  }

  @Override
  protected String userToken(String... scopes) {
    String requested = scopes.length == 0 ? "openid" : String.join(" ", scopes);
    return tokens.computeIfAbsent(
        requested,
        scope -> {
          String baseUrl = "http://127.0.0.1:" + port;
          String email = AuthTestSupport.registered(new HttpJson(baseUrl));
          // an administrator: the OAuth client API needs the role as well as the scope (that
          // anyone else is refused is proven by ClientAdminIntegrationTests)
          AuthTestSupport.grantAdmin(jdbc, email);
          return new OAuthFlows(baseUrl)
              .signInWithMobileApp(email, AuthTestSupport.PASSWORD, scope)
              .get("access_token")
              .asString();
        });
  }
}
