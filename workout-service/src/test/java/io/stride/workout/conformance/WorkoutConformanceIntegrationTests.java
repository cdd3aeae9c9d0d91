package io.stride.workout.conformance;

import io.stride.platform.test.conformance.ServiceConformanceTests;

/**
 * The platform conformance rules (tokens, scopes, input, actuator, errors, OpenAPI), generated for
 * every operation of workout-service.
 */
class WorkoutConformanceIntegrationTests extends ServiceConformanceTests {

  @Override
  protected String[] scopes() {
    return new String[] {"workouts:read", "workouts:write", "readings:write"};
  }
}
