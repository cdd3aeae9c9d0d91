package io.stride.promo.conformance;

import io.stride.platform.test.TestTokens;
import io.stride.platform.test.conformance.ServiceConformanceTests;
import java.util.UUID;

/**
 * The platform conformance rules (tokens, input, actuator, errors, OpenAPI), generated for every
 * operation of promo-service.
 */
class PromoConformanceIntegrationTests extends ServiceConformanceTests {

  @Override
  protected String[] scopes() {
    return new String[] {"promo:read", "promo:write"};
  }

  /**
   * An administrator's token: the admin operations need the role as well as the scope (ADR 0034),
   * and athletes' operations take it like any athlete's. That an athlete's token is refused on the
   * admin operations is proven by CampaignAdminIntegrationTests.
   */
  @Override
  protected String userToken(String... scopes) {
    return TestTokens.get().forAdmin(ADMIN, scopes);
  }

  private static final UUID ADMIN = UUID.randomUUID();
}
