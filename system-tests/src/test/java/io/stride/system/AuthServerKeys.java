package io.stride.system;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * Signs tokens with auth-service's real signing key (read from its schema and decrypted with the
 * local stack's key-encryption key), to show that a token with a valid signature is still refused
 * when it is expired or names another issuer.
 */
final class AuthServerKeys {

  private final RSAKey key;
  private final String issuer;

  AuthServerKeys(DataSource database, String keyEncryptionKey, String issuer) throws Exception {
    this.issuer = issuer;
    try (Connection connection = database.getConnection();
        ResultSet row =
            connection
                .createStatement()
                .executeQuery(
                    "select kid, public_key, encrypted_private_key from auth.signing_key"
                        + " where retired_at is null order by created_at desc limit 1")) {
      row.next();
      byte[] sealed = Base64.getDecoder().decode(row.getString(3));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(Base64.getDecoder().decode(keyEncryptionKey), "AES"),
          new GCMParameterSpec(128, sealed, 0, 12));
      byte[] pkcs8 = cipher.doFinal(sealed, 12, sealed.length - 12);
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      RSAPublicKey pub =
          (RSAPublicKey)
              rsa.generatePublic(
                  new X509EncodedKeySpec(Base64.getDecoder().decode(row.getString(2))));
      RSAPrivateKey priv = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      this.key = new RSAKey.Builder(pub).privateKey(priv).keyID(row.getString(1)).build();
    }
  }

  String expired(UUID user) throws Exception {
    Instant past = Instant.now().minus(Duration.ofHours(2));
    return sign(
        claims(user, issuer)
            .issueTime(Date.from(past))
            .expirationTime(Date.from(past.plusSeconds(900)))
            .build());
  }

  String wrongIssuer(UUID user) throws Exception {
    return sign(claims(user, "http://evil.example").build());
  }

  String valid(UUID user) throws Exception {
    return sign(claims(user, issuer).build());
  }

  String unsigned(UUID user) {
    return new PlainJWT(claims(user, issuer).build()).serialize();
  }

  private static JWTClaimsSet.Builder claims(UUID user, String issuer) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(user.toString())
        .claim("uid", user.toString())
        .claim("scope", List.of("profile:read", "profile:write"))
        .audience(List.of("stride-mobile", "stride-api"))
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(900)));
  }

  private String sign(JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
