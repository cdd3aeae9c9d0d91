package io.stride.workout.conformance;

import io.stride.platform.test.conformance.BadInputConformanceTests;

/** The platform's bad-input rules, generated for every operation of workout-service. */
class WorkoutBadInputIntegrationTests extends BadInputConformanceTests {

  @Override
  protected String[] scopes() {
    return new String[] {"workouts:read", "workouts:write", "readings:write"};
  }
}
