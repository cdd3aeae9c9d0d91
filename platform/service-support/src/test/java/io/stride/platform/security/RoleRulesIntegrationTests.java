package io.stride.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.stride.platform.events.DeclaredTopics;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideTestInitializer;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform's security chain turns the {@code roles} claim into {@code ROLE_x} authorities: a
 * service's {@code hasRole("ADMIN")} rule lets a token with roles {@code ["ADMIN"]} through and
 * refuses every other token with a 403 problem.
 */
@SpringBootTest(
    classes = RoleRulesIntegrationTests.AdminApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.main.web-application-type=servlet",
      "spring.application.name=security-test-service",
      "stride.service.schema=security_test"
    })
@ContextConfiguration(initializers = StrideTestInitializer.class)
class RoleRulesIntegrationTests {

  static final String ISSUER = "http://stride.test";
  static final RSAKey KEY = generateKey();

  @Autowired HttpJson http;

  @Test
  void aTokenWithTheAdminRoleHasRoleAdminBesideItsScopes() {
    var reply = http.get("/api/v1/admin/things", token(List.of("ADMIN"), "things:read"));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("authorities").toString())
        .contains("\"ROLE_ADMIN\"", "\"SCOPE_things:read\"");
  }

  @Test
  void aTokenWithoutTheAdminRoleIsRefusedWithA403Problem() {
    for (Map<String, Object> roles :
        List.<Map<String, Object>>of(
            Map.of(),
            Map.of("roles", List.of()),
            Map.of("roles", List.of("ATHLETE")),
            Map.of("roles", "ADMIN"),
            Map.of("roles", List.of("admin")),
            Map.of("roles", List.of("ROLE_ADMIN")))) {
      var reply = http.get("/api/v1/admin/things", token(roles, "things:read"));

      assertThat(reply.status()).as("roles %s: %s", roles, reply.body()).isEqualTo(403);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.json().get("status").asInt()).isEqualTo(403);
    }
  }

  @Test
  void scopeRulesStillWorkAndTheRoleGrantsNoScope() {
    assertThat(http.get("/api/v1/things", token(Map.of(), "things:read")).status()).isEqualTo(200);
    var adminWithoutScope = http.get("/api/v1/things", token(List.of("ADMIN")));
    assertThat(adminWithoutScope.status()).isEqualTo(403);
    assertThat(adminWithoutScope.contentType()).startsWith("application/problem+json");
  }

  @Test
  void noTokenIsA401Problem() {
    var reply = http.get("/api/v1/admin/things", null);
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.contentType()).startsWith("application/problem+json");
  }

  private static String token(List<String> roles, String... scopes) {
    return token(Map.of("roles", roles), scopes);
  }

  /** A user token as auth-service issues one, with {@code extra} claims. */
  private static String token(Map<String, Object> extra, String... scopes) {
    UUID user = UUID.randomUUID();
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(user.toString())
            .audience(List.of("stride-api"))
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(900)))
            .claim("uid", user.toString())
            .claim("scope", String.join(" ", scopes));
    extra.forEach(claims::claim);
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
              claims.build());
      jwt.sign(new RSASSASigner(KEY));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey generateKey() {
    try {
      return new RSAKeyGenerator(2048).keyID("roles-test").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A service with one admin endpoint and one scope-protected endpoint. */
  @SpringBootApplication
  static class AdminApplication {

    /** Tokens signed with this test's key (the converter under test is the platform's). */
    @Bean
    JwtDecoder jwtDecoder() throws JOSEException {
      NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
      decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
      return decoder;
    }

    @Bean
    ApiAuthorizationRules adminRules() {
      return rules ->
          rules
              .requestMatchers("/api/v1/admin/**")
              .hasRole("ADMIN")
              .requestMatchers("/api/v1/things")
              .hasAuthority("SCOPE_things:read");
    }

    /** Publishes and consumes nothing, so no catalog entry is needed. */
    @Bean
    DeclaredTopics declaredTopics() {
      return new DeclaredTopics("security-test-service", Set.of(), Set.of(), Set.of());
    }

    @RestController
    static class ThingsController {

      @GetMapping("/api/v1/admin/things")
      Map<String, Object> adminThings(Authentication caller) {
        return Map.of(
            "authorities",
            caller.getAuthorities().stream().map(Object::toString).sorted().toList());
      }

      @GetMapping("/api/v1/things")
      List<String> things() {
        return List.of("a thing");
      }
    }
  }
}
