package io.stride.auth.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Client secrets are long random strings, not human passwords: a salted slow hash adds nothing
 * against guessing but costs ~100 ms per token request. They are stored as hex SHA-256 and compared
 * in constant time (ADR 0004). Set only on the client-secret provider, never as the password
 * encoder.
 *
 * <p>During a rotation's overlap (ADR 0039) the stored value holds two: {@code
 * <current>;<previous>@<epoch second it stops>}, and either secret authenticates the client until
 * then. Kept in the one column Spring Authorization Server reads, so a rotation is one row update.
 */
public final class ClientSecrets implements PasswordEncoder {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;

  public ClientSecrets(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String encode(CharSequence raw) {
    return sha256(raw.toString());
  }

  /** Never: a stored secret is re-encoded by nobody but a rotation (ADR 0039). */
  @Override
  public boolean upgradeEncoding(String encoded) {
    return false;
  }

  @Override
  public boolean matches(CharSequence raw, String encoded) {
    if (raw == null || encoded == null) {
      return false;
    }
    Stored stored = Stored.parse(encoded);
    byte[] hash = sha256(raw.toString()).getBytes(StandardCharsets.US_ASCII);
    boolean current =
        MessageDigest.isEqual(hash, stored.current().getBytes(StandardCharsets.US_ASCII));
    boolean previous =
        stored.previous() != null
            && MessageDigest.isEqual(hash, stored.previous().getBytes(StandardCharsets.US_ASCII))
            && clock.instant().isBefore(stored.previousUntil());
    return current | previous;
  }

  /** A new secret: 32 random bytes, base64url without padding (43 characters). */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * What a stored secret holds: the current hash, and during an overlap the previous one with the
   * instant it stops authenticating.
   */
  public record Stored(String current, String previous, Instant previousUntil) {

    /** A value of another shape holds one hash and no overlap: it never fails a request. */
    public static Stored parse(String encoded) {
      int split = encoded.indexOf(';');
      int at = split < 0 ? -1 : encoded.indexOf('@', split);
      if (split < 0 || at < 0) {
        return new Stored(split < 0 ? encoded : encoded.substring(0, split), null, null);
      }
      try {
        return new Stored(
            encoded.substring(0, split),
            encoded.substring(split + 1, at),
            Instant.ofEpochSecond(Long.parseLong(encoded.substring(at + 1))));
      } catch (NumberFormatException | java.time.DateTimeException malformed) {
        return new Stored(encoded.substring(0, split), null, null);
      }
    }

    /** The previous secret's end, while it still authenticates at {@code now}. */
    public Optional<Instant> retiringAt(Instant now) {
      return previous != null && now.isBefore(previousUntil)
          ? Optional.of(previousUntil)
          : Optional.empty();
    }

    /** The stored form of a rotation: {@code raw} becomes current, this one's current retires. */
    public String rotatedTo(String raw, Instant previousUntil, Instant now) {
      String next = sha256(raw);
      return previousUntil.isAfter(now)
          ? next + ";" + current + "@" + previousUntil.getEpochSecond()
          : next;
    }
  }

  /** Lower-case hex SHA-256 of the UTF-8 bytes. */
  public static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
