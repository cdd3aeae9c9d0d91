package io.stride.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stride.catalog.ServiceCatalog;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeRegistryTests {

  private final ScopeRegistry registry = new ScopeRegistry(ServiceCatalog.load());

  @Test
  void knowsEveryScopeTheCatalogsServicesDefineWithTheirConsentText() {
    assertThat(registry.names())
        .contains("openid", "profile:read", "profile:write", "workouts:read", "readings:write");
    assertThat(registry.describe("profile:read")).isEqualTo("See your profile");
  }

  @Test
  void knowsOpenIdConnectsClaimScopesFromTheCatalog() {
    assertThat(registry.names()).contains("profile", "email");
    assertThat(registry.describe("email")).isEqualTo("See your email address");
  }

  @Test
  void refusesAClientConfiguredWithAScopeNoServiceDefines() {
    assertThatThrownBy(
            () -> registry.requireKnown("partner-x", Set.of("profile:read", "admin:everything")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("partner-x")
        .hasMessageContaining("[admin:everything]");
  }
}
