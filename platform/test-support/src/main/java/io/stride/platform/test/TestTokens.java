package io.stride.platform.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Mints access tokens the way auth-service does (RS256, issuer, audience {@code stride-api}, {@code
 * uid} and {@code scope} claims) and serves the matching JWKS, so services under test validate them
 * through their real decoder. Also mints the bad ones: foreign key, expired, wrong issuer,
 * unsigned, for another audience.
 */
public final class TestTokens {

  public static final String ISSUER = "http://stride.test";
  public static final String AUDIENCE = "stride-api";

  private static TestTokens instance;

  private final RSAKey key;
  private final RSAKey foreignKey;
  private final HttpServer jwksServer;

  private TestTokens(RSAKey key, RSAKey foreignKey, HttpServer jwksServer) {
    this.key = key;
    this.foreignKey = foreignKey;
    this.jwksServer = jwksServer;
  }

  public static synchronized TestTokens get() {
    if (instance == null) {
      try {
        RSAKey key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        RSAKey foreign = new RSAKeyGenerator(2048).keyID("test-key").generate();
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        HttpServer server =
            HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
            "/oauth2/jwks",
            exchange -> {
              exchange.getResponseHeaders().add("Content-Type", "application/json");
              exchange.sendResponseHeaders(200, jwks.length);
              exchange.getResponseBody().write(jwks);
              exchange.close();
            });
        server.start();
        instance = new TestTokens(key, foreign, server);
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  public String jwkSetUri() {
    return "http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/oauth2/jwks";
  }

  /** A valid token acting for {@code userId} with the given scopes. */
  public String forUser(UUID userId, String... scopes) {
    return sign(key, claims(userId.toString(), scopes).claim("uid", userId.toString()).build());
  }

  /** A valid token acting for {@code userId}, a person with the role ADMIN (ADR 0030). */
  public String forAdmin(UUID userId, String... scopes) {
    return sign(
        key,
        claims(userId.toString(), scopes)
            .claim("uid", userId.toString())
            .claim("roles", java.util.List.of("ADMIN"))
            .build());
  }

  /**
   * A valid token an app ({@code clientId}) holds for {@code userId}, issued at {@code issuedAt}
   * (token revocations compare it with the time of a disconnection or a deletion).
   */
  public String forUserOfApp(UUID userId, String clientId, Instant issuedAt, String... scopes) {
    Instant now = Instant.now();
    return sign(
        key,
        claims(userId.toString(), scopes)
            .claim("uid", userId.toString())
            .claim("client_id", clientId)
            .issueTime(Date.from(issuedAt))
            .notBeforeTime(Date.from(issuedAt.isBefore(now) ? issuedAt : now))
            .build());
  }

  /** A valid client-credentials token (no user) with the given scopes. */
  public String forClient(String clientId, String... scopes) {
    return sign(key, claims(clientId, scopes).build());
  }

  public String expired(UUID userId, String... scopes) {
    Instant past = Instant.now().minus(Duration.ofHours(1));
    return sign(
        key,
        claims(userId.toString(), scopes)
            .claim("uid", userId.toString())
            .issueTime(Date.from(past.minusSeconds(900)))
            .expirationTime(Date.from(past))
            .build());
  }

  public String wrongIssuer(UUID userId, String... scopes) {
    return sign(
        key,
        claims(userId.toString(), scopes)
            .claim("uid", userId.toString())
            .issuer("http://evil.test")
            .build());
  }

  /** Issued for another audience than the Stride API (a token meant for some other resource). */
  public String wrongAudience(UUID userId, String... scopes) {
    return sign(
        key,
        claims(userId.toString(), scopes)
            .claim("uid", userId.toString())
            .audience(List.of("some-other-api"))
            .build());
  }

  /** Signed with a key the issuer never published, under the same key id. */
  public String forged(UUID userId, String... scopes) {
    return sign(
        foreignKey, claims(userId.toString(), scopes).claim("uid", userId.toString()).build());
  }

  /** {@code alg=none}: no signature at all. */
  public String unsigned(UUID userId, String... scopes) {
    return new PlainJWT(claims(userId.toString(), scopes).claim("uid", userId.toString()).build())
        .serialize();
  }

  private static JWTClaimsSet.Builder claims(String subject, String... scopes) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject(subject)
        .audience(List.of(AUDIENCE))
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
        .jwtID(UUID.randomUUID().toString())
        .claim("scope", String.join(" ", scopes));
  }

  private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
              claims);
      jwt.sign(new RSASSASigner(signingKey));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
