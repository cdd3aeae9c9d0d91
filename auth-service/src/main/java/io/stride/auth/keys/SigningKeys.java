package io.stride.auth.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * RSA signing keys kept in the database, shared by every auth-service replica. The newest key
 * signs; retired keys stay published for a grace period so tokens they signed still verify.
 * Rotation happens on schedule, under a database lock so replicas agree on one new key.
 */
@Component
public class SigningKeys {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final KeyEncryption encryption;
  private final SigningKeyProperties properties;
  private final Clock clock;
  private volatile List<RSAKey> published = List.of();

  SigningKeys(
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      SigningKeyProperties properties,
      Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.encryption = new KeyEncryption(properties.keyEncryptionKey());
    this.properties = properties;
    this.clock = clock;
    rotateIfDue();
  }

  /** Keys for the JWKS endpoint: the signing key and recently retired ones. */
  public JWKSource<SecurityContext> publishedKeys() {
    return (selector, context) ->
        selector.select(new JWKSet(published.stream().map(k -> (JWK) k.toPublicJWK()).toList()));
  }

  /** The one key that signs new tokens. */
  public JWKSource<SecurityContext> signingKey() {
    return (selector, context) -> selector.select(new JWKSet((JWK) published.get(0)));
  }

  /** Makes a new signing key when the current one is older than the rotation period. */
  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
  public void rotateIfDue() {
    transactions.executeWithoutResult(
        status -> {
          jdbc.execute("select pg_advisory_xact_lock(hashtext('stride.signing_key'))");
          Instant now = clock.instant();
          Integer current =
              jdbc.queryForObject(
                  "select count(*) from signing_key where retired_at is null and created_at > ?",
                  Integer.class,
                  Timestamp.from(now.minus(properties.rotation())));
          if (current == 0) {
            jdbc.update(
                "update signing_key set retired_at = ? where retired_at is null",
                Timestamp.from(now));
            insert(newKey(), now);
          }
        });
    reload();
  }

  /** Retires the current key at once and signs with a new one (e.g. after a suspected leak). */
  public void rotateNow() {
    transactions.executeWithoutResult(
        status -> {
          jdbc.execute("select pg_advisory_xact_lock(hashtext('stride.signing_key'))");
          Instant now = clock.instant();
          jdbc.update(
              "update signing_key set retired_at = ? where retired_at is null",
              Timestamp.from(now));
          insert(newKey(), now);
        });
    reload();
  }

  @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
  void reload() {
    Instant now = clock.instant();
    List<RSAKey> keys =
        jdbc.query(
            "select kid, public_key, encrypted_private_key from signing_key"
                + " where retired_at is null or retired_at > ?"
                + " order by (retired_at is null) desc, created_at desc",
            (rs, i) -> toJwk(rs.getString(1), rs.getString(2), rs.getString(3)),
            Timestamp.from(now.minus(properties.publishedAfterRetirement())));
    if (keys.isEmpty()) {
      throw new IllegalStateException("no signing key in the database");
    }
    published = List.copyOf(keys);
  }

  private void insert(KeyPair pair, Instant now) {
    jdbc.update(
        "insert into signing_key (kid, public_key, encrypted_private_key, created_at)"
            + " values (?, ?, ?, ?)",
        UUID.randomUUID().toString(),
        Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
        encryption.encrypt(pair.getPrivate().getEncoded()),
        Timestamp.from(now));
  }

  private RSAKey toJwk(String kid, String publicKey, String encryptedPrivateKey) {
    try {
      KeyFactory factory = KeyFactory.getInstance("RSA");
      RSAPublicKey pub =
          (RSAPublicKey)
              factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
      RSAPrivateKey priv =
          (RSAPrivateKey)
              factory.generatePrivate(
                  new PKCS8EncodedKeySpec(encryption.decrypt(encryptedPrivateKey)));
      return new RSAKey.Builder(pub).privateKey(priv).keyID(kid).keyUse(KeyUse.SIGNATURE).build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("stored signing key " + kid + " is unreadable", e);
    }
  }

  private static KeyPair newKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
