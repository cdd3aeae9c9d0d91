package io.stride.auth.oauth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An {@code *:admin} scope is only ever registered on an operators' client-credentials client. */
class AdminScopeClientsTests {

  @Test
  void aConfidentialClientCredentialsClientMayHoldAnAdminScope() {
    assertThatCode(
            () ->
                ClientRegistrar.requireAdminScopesOnOperatorClientsOnly(
                    "stride-ops", client("secret", List.of("client_credentials"), "regions:admin")))
        .doesNotThrowAnyException();
  }

  @Test
  void aClientThatSignsUsersInOrHasNoSecretMayNot() {
    assertThatThrownBy(
            () ->
                ClientRegistrar.requireAdminScopesOnOperatorClientsOnly(
                    "stride-mobile",
                    client(null, List.of("authorization_code", "refresh_token"), "regions:admin")))
        .hasMessageContaining("stride-mobile")
        .hasMessageContaining("admin scope");
    assertThatThrownBy(
            () ->
                ClientRegistrar.requireAdminScopesOnOperatorClientsOnly(
                    "partner",
                    client(
                        "secret",
                        List.of("client_credentials", "authorization_code"),
                        "regions:admin")))
        .hasMessageContaining("partner");
  }

  private static AuthProperties.Client client(String secret, List<String> grants, String scope) {
    return new AuthProperties.Client(
        "test", secret, grants, List.of(), List.of(), Set.of(scope), false, Duration.ofDays(30));
  }
}
