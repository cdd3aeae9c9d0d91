package io.stride.platform.idempotency;

import io.stride.platform.web.ConflictException;
import io.stride.platform.web.InputBounds;
import io.stride.platform.web.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Idempotency-Key} for creating requests, for every service (table {@code
 * idempotency_record}, a platform migration): the first request with a key creates the resource and
 * the key is stored with a hash of the request in the same transaction; a repeat with the same body
 * gets the same resource back, a repeat with another body is refused. Two requests racing with one
 * key meet on the table's primary key: the second waits for the first to commit and then finds its
 * resource.
 *
 * <p>{@code scope} separates the kinds of resource a service creates (e.g. {@code "workout"},
 * {@code "import"}; at most 32 characters); the fingerprint is whatever identifies the request
 * (e.g. its body as JSON), only its hash is stored.
 */
public class IdempotencyKeys {

  /** The column's width: a scope names the kind of resource, never an id. */
  static final int MAX_SCOPE = 32;

  private final JdbcClient jdbc;
  private final Clock clock;

  IdempotencyKeys(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Returns the resource created for {@code key} by an earlier identical request, or runs {@code
   * create} and remembers its result. Must run inside the creating transaction.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public UUID createOnce(
      UUID owner, String scope, String key, String requestFingerprint, Supplier<UUID> create) {
    if (scope.length() > MAX_SCOPE) {
      // a programming error, found by the first test that sends a key
      throw new IllegalArgumentException(
          "Idempotency scope '" + scope + "' is longer than " + MAX_SCOPE + " characters");
    }
    if (key == null) {
      return create.get();
    }
    checkKey(key);
    String hash = sha256(requestFingerprint.getBytes(StandardCharsets.UTF_8));
    UUID reserved = UUID.randomUUID();
    int inserted =
        jdbc.sql(
                "insert into idempotency_record (owner_id, scope, key, request_hash, resource_id,"
                    + " created_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing")
            .params(
                owner,
                scope,
                key,
                hash,
                reserved,
                OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
            .update();
    if (inserted == 0) {
      Stored stored = find(owner, scope, key).orElseThrow();
      if (!stored.requestHash().equals(hash)) {
        throw new ConflictException(
            "This Idempotency-Key was used for a different request; use a new key for a new"
                + " request.");
      }
      return stored.resourceId();
    }
    UUID created = create.get();
    jdbc.sql(
            "update idempotency_record set resource_id = ? where owner_id = ? and scope = ? and key = ?")
        .params(created, owner, scope, key)
        .update();
    return created;
  }

  private Optional<Stored> find(UUID owner, String scope, String key) {
    return jdbc.sql(
            "select request_hash, resource_id from idempotency_record"
                + " where owner_id = ? and scope = ? and key = ?")
        .params(owner, scope, key)
        .query((rs, row) -> new Stored(rs.getString(1), rs.getObject(2, UUID.class)))
        .optional();
  }

  private static void checkKey(String key) {
    if (key.isBlank() || key.length() > 255 || InputBounds.textProblem(key) != null) {
      throw InvalidRequestException.of(
          "Idempotency-Key", "must be 1 to 255 characters without control characters");
    }
  }

  /** Hex SHA-256 of {@code bytes}: request fingerprints here, uploaded files in imports. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Stored(String requestHash, UUID resourceId) {}
}
