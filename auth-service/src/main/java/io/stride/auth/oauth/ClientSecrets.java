package io.stride.auth.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Client secrets are long random strings, not human passwords: a salted slow hash adds nothing
 * against guessing but costs ~100 ms per token request. They are stored as hex SHA-256 and compared
 * in constant time (ADR 0004). Set only on the client-secret provider, never as the password
 * encoder.
 */
final class ClientSecrets implements PasswordEncoder {

  @Override
  public String encode(CharSequence raw) {
    return sha256(raw.toString());
  }

  @Override
  public boolean matches(CharSequence raw, String encoded) {
    return raw != null
        && encoded != null
        && MessageDigest.isEqual(
            sha256(raw.toString()).getBytes(StandardCharsets.US_ASCII),
            encoded.getBytes(StandardCharsets.US_ASCII));
  }

  /** Lower-case hex SHA-256 of the UTF-8 bytes. */
  static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
