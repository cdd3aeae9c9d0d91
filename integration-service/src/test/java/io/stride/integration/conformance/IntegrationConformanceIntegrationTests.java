package io.stride.integration.conformance;

import io.stride.platform.test.TestTokens;
import io.stride.platform.test.conformance.ServiceConformanceTests;
import java.util.UUID;

/**
 * The platform conformance rules (tokens, input, actuator, errors, OpenAPI), generated for every
 * operation of integration-service.
 */
class IntegrationConformanceIntegrationTests extends ServiceConformanceTests {

  private static final UUID ADMIN = UUID.randomUUID();

  @Override
  protected String[] scopes() {
    return new String[] {"integration:read", "integration:write", "imports:read", "imports:write"};
  }

  /**
   * An administrator's token: every operation needs the role as well as the scope. That anyone
   * else's token is refused is proven by PartnerAdminIntegrationTests.
   */
  @Override
  protected String userToken(String... scopes) {
    return TestTokens.get().forAdmin(ADMIN, scopes);
  }
}
