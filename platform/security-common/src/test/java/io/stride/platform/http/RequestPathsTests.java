package io.stride.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stride.platform.http.RequestPaths.AmbiguousPathException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathsTests {

  @ParameterizedTest
  @CsvSource({
    "/login, /login",
    "/%6Cogin, /login",
    "/api/v1/%61ccounts, /api/v1/accounts",
    "/oauth2/%74oken, /oauth2/token",
    "/OAUTH2/%74OKEN, /OAUTH2/tOKEN",
    "/api/v1/workouts/a%7eb, /api/v1/workouts/a~b",
    "/api/v1/x%2dy, /api/v1/x-y",
    "/api/v1/caf%c3%a9, /api/v1/caf%C3%A9",
    "/api/v1/a%20b, /api/v1/a%20b",
    "/, /",
    "/api/v1/workouts/.hidden, /api/v1/workouts/.hidden"
  })
  void decodesUnreservedEscapesAndUppercasesTheRest(String raw, String canonical) {
    assertThat(RequestPaths.canonical(raw)).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/workouts%2Fimports",
        "/api/v1/workouts%2fimports",
        "/api/v1/%2e%2e/admin",
        "/api/v1/%2E",
        "/api/v1/%252Fx",
        "/api/v1/%5Cx",
        "/api/v1/a%00",
        "/api/v1/a%0A",
        "/api/v1/../admin",
        "/api/v1/./accounts",
        "/api/v1/workouts/..",
        "//login",
        "/api//v1",
        "/login;jsessionid=1",
        "/login%3Bx",
        "/api\\v1",
        "/api/v1/%",
        "/api/v1/%4",
        "/api/v1/%zz"
      })
  void refusesPathsThatParsersCouldReadDifferently(String raw) {
    assertThatThrownBy(() -> RequestPaths.canonical(raw))
        .isInstanceOf(AmbiguousPathException.class)
        .hasMessageStartingWith("The request path is ambiguous:");
    assertThat(RequestPaths.tryCanonical(raw)).isEmpty();
  }
}
