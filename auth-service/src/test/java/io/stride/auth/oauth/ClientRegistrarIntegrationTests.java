package io.stride.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.StrideIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Configuration is the source of truth for clients: a start rewrites rows that differ. */
@StrideIntegrationTest
class ClientRegistrarIntegrationTests {

  @Autowired ClientRegistrar registrar;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aStartUpdatesAnExistingClientsScopesAndPostLogoutRedirectUris() {
    jdbc.update(
        "update auth.oauth2_registered_client set scopes = 'openid',"
            + " post_logout_redirect_uris = null where client_id = 'stride-mobile'");

    registrar.run(null);

    var row =
        jdbc.queryForMap(
            "select scopes, post_logout_redirect_uris from auth.oauth2_registered_client"
                + " where client_id = 'stride-mobile'");
    assertThat(row.get("scopes").toString().split(","))
        .contains("openid", "profile", "email", "profile:read");
    assertThat(row.get("post_logout_redirect_uris").toString().split(","))
        .containsExactlyInAnyOrder("http://127.0.0.1/signed-out", "io.stride.app:/signed-out");
  }
}
