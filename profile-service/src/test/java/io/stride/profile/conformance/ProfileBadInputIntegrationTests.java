package io.stride.profile.conformance;

import io.stride.platform.test.conformance.BadInputConformanceTests;

/** The platform's bad-input rules, generated for every operation of profile-service. */
class ProfileBadInputIntegrationTests extends BadInputConformanceTests {

  @Override
  protected String[] scopes() {
    return new String[] {"profile:read", "profile:write"};
  }
}
