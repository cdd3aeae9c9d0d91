package io.stride.analytics.conformance;

import io.stride.platform.test.conformance.ServiceConformanceTests;

/**
 * The platform conformance rules (tokens, input, actuator, errors, OpenAPI), generated for every
 * operation of analytics-service.
 */
class AnalyticsConformanceIntegrationTests extends ServiceConformanceTests {

  @Override
  protected String[] scopes() {
    return new String[] {"analytics:read"};
  }
}
