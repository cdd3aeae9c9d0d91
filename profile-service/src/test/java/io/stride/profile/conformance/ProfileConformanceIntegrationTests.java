package io.stride.profile.conformance;

import io.stride.platform.test.conformance.ServiceConformanceTests;

/**
 * The platform conformance rules (tokens, scopes, input, actuator, errors, OpenAPI), generated for
 * every operation of profile-service.
 */
class ProfileConformanceIntegrationTests extends ServiceConformanceTests {

  @Override
  protected String[] scopes() {
    return new String[] {"profile:read", "profile:write"};
  }
}
