package io.stride.auth.conformance;

import io.stride.platform.test.conformance.ServiceConformanceTests;

/**
 * The platform conformance rules (tokens, scopes, input, actuator, errors, OpenAPI), generated for
 * every operation of auth-service's own API (registration and account operations; the OAuth
 * endpoints are the authorization server's and are tested in the OAuth test classes).
 */
class AuthConformanceIntegrationTests extends ServiceConformanceTests {

  @Override
  protected String[] scopes() {
    return new String[] {"openid"};
  }
}
