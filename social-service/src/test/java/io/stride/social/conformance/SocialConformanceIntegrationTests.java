package io.stride.social.conformance;

import io.stride.platform.test.conformance.ServiceConformanceTests;

/**
 * The platform conformance rules (tokens, input, actuator, errors, OpenAPI), generated for every
 * operation of social-service.
 */
class SocialConformanceIntegrationTests extends ServiceConformanceTests {

  @Override
  protected String[] scopes() {
    return new String[] {"social:read", "social:write"};
  }
}
