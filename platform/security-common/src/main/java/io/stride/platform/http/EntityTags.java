package io.stride.platform.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Strong entity tags (RFC 9110 §8.8.3) from an answer's content: equal bytes, equal tag, so a
 * client's or CDN's {@code If-None-Match} matches exactly while the answer is unchanged.
 */
public final class EntityTags {

  private EntityTags() {}

  /** The first 128 bits of the content's SHA-256, in hex, quoted. */
  public static String of(String content) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
