package io.stride.notification.conformance;

import io.stride.platform.test.conformance.ServiceConformanceTests;

/**
 * The platform conformance rules (tokens, input, actuator, errors, OpenAPI), generated for every
 * operation of notification-service.
 */
class NotificationConformanceIntegrationTests extends ServiceConformanceTests {

  @Override
  protected String[] scopes() {
    return new String[] {"notifications:read", "notifications:write"};
  }
}
