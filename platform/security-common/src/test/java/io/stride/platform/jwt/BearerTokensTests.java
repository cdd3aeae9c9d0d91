package io.stride.platform.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

class BearerTokensTests {

  @Test
  void theTokenOfABearerHeaderIsReadWhateverTheCaseOfTheScheme() {
    assertThat(BearerTokens.fromAuthorization("Bearer abc.DEF-ghi_~+/x=="))
        .isEqualTo("abc.DEF-ghi_~+/x==");
    assertThat(BearerTokens.fromAuthorization("bearer eyJ.a.b")).isEqualTo("eyJ.a.b");
  }

  @Test
  void noHeaderOrAnotherSchemeIsNoToken() {
    assertThat(BearerTokens.fromAuthorization(null)).isNull();
    assertThat(BearerTokens.fromAuthorization("Basic dXNlcjpwYXNz")).isNull();
    assertThat(BearerTokens.fromAuthorization("")).isNull();
  }

  @Test
  void aMalformedBearerTokenIsAnInvalidTokenError() {
    for (String header :
        new String[] {
          "Bearer",
          "Bearer ",
          "Bearer  abc",
          "Bearer a b",
          "Bearer a=b",
          "Bearer =",
          "Bearerabc",
          "Bearer ab%"
        }) {
      assertThatThrownBy(() -> BearerTokens.fromAuthorization(header))
          .as(header)
          .isInstanceOfSatisfying(
              OAuth2AuthenticationException.class,
              e -> assertThat(e.getError().getErrorCode()).isEqualTo("invalid_token"));
    }
  }
}
