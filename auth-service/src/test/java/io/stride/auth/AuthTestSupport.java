package io.stride.auth;

import static io.stride.platform.test.HttpJson.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.HttpJson;
import java.util.UUID;

/** Shared steps of the auth-service tests. */
public final class AuthTestSupport {

  public static final String PASSWORD = "correct horse battery staple";

  private AuthTestSupport() {}

  public static String newEmail() {
    return "athlete-" + UUID.randomUUID() + "@example.com";
  }

  public static String registered(HttpJson http) {
    String email = newEmail();
    var reply =
        http.post(
            "/api/v1/accounts",
            null,
            object("email", email, "password", PASSWORD, "displayName", "Test Athlete"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    return email;
  }
}
