package io.stride.region.conformance;

import io.stride.platform.test.conformance.ServiceConformanceTests;

/**
 * The platform conformance rules (tokens, input, actuator, errors, OpenAPI), generated for every
 * operation of region-service; its reads are public, its writes need regions:admin.
 */
class RegionConformanceIntegrationTests extends ServiceConformanceTests {

  @Override
  protected String[] scopes() {
    return new String[] {"regions:admin"};
  }
}
