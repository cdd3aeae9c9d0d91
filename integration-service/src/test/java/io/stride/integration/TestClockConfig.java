package io.stride.integration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Found by the application's component scan in every test context (one context for all tests, so
 * one consumer group): the platform's Clock backs off for this one.
 */
@Configuration
class TestClockConfig {

  @Bean
  MovableClock clock() {
    return new MovableClock();
  }
}
