package io.stride.platform.test;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Where the test JVM's PostgreSQL and Kafka come from: {@code embedded} (the default, and what CI
 * runs: real servers from Maven artifacts, no Docker), {@code testcontainers} (Docker images), or
 * {@code auto} (containers when a Docker engine answers, embedded otherwise). Chosen with the
 * system property {@code stride.test.infrastructure} or the variable {@code
 * STRIDE_TEST_INFRASTRUCTURE}.
 */
public enum InfrastructureMode {
  EMBEDDED,
  TESTCONTAINERS;

  static final String PROPERTY = "stride.test.infrastructure";

  static InfrastructureMode chosen() {
    String setting = System.getProperty(PROPERTY, System.getenv("STRIDE_TEST_INFRASTRUCTURE"));
    return resolve(setting, ContainerInfrastructure::dockerAvailable);
  }

  static InfrastructureMode resolve(String setting, BooleanSupplier dockerAvailable) {
    String value = setting == null || setting.isBlank() ? "embedded" : setting.trim();
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "embedded" -> EMBEDDED;
      case "testcontainers" -> TESTCONTAINERS;
      case "auto" -> dockerAvailable.getAsBoolean() ? TESTCONTAINERS : EMBEDDED;
      default ->
          throw new IllegalArgumentException(
              PROPERTY + " is '" + setting + "'; use embedded, testcontainers or auto");
    };
  }
}
