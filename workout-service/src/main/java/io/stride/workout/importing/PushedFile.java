package io.stride.workout.importing;

import io.stride.platform.idempotency.IdempotencyKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * A file as a partner's app pushed it ({@code ActivityFileReceived}): base64 of the gzip'd file,
 * with the SHA-256 of the file itself. Decoding inflates at most {@code maxBytes} (and one buffer)
 * whatever the gzip stream claims, so a gzip bomb is refused without being inflated, then checks
 * the checksum. Every refusal has a reason in words for the athlete.
 */
final class PushedFile {

  /** What a push became: the file, or why there is none. */
  sealed interface Decoded permits Accepted, Refused {}

  /**
   * @param content the file as sent, decompressed
   * @param sha256 its hex SHA-256 (that the sender named)
   */
  record Accepted(byte[] content, String sha256) implements Decoded {}

  /**
   * @param reason why, completing "The file … sent": see {@link #reasonFrom}
   * @param sizeBytes what was received (the file, else the compressed data, else the text), ≥ 1
   * @param sha256 the hex SHA-256 of that
   */
  record Refused(String reason, int sizeBytes, String sha256) implements Decoded {

    /** The whole reason: "The file Acme Rowing sent …". */
    String reasonFrom(String origin) {
      String sender =
          origin == null || origin.isBlank()
              ? "a partner's app"
              : origin.strip().length() <= 100 ? origin.strip() : origin.strip().substring(0, 100);
      return "The file " + sender + " sent " + reason;
    }
  }

  private PushedFile() {}

  static Decoded decode(String gzipBase64, String sha256, long maxBytes) {
    if (gzipBase64 == null || gzipBase64.isEmpty()) {
      return refused("is empty.", new byte[0]);
    }
    byte[] compressed;
    try {
      compressed = Base64.getDecoder().decode(gzipBase64);
    } catch (IllegalArgumentException notBase64) {
      return refused(
          "arrived damaged (it is not valid base64).",
          gzipBase64.getBytes(StandardCharsets.US_ASCII));
    }
    byte[] content;
    try {
      content = inflate(new ByteArrayInputStream(compressed), maxBytes);
    } catch (TooLarge tooLarge) {
      return refused(
          "is larger than "
              + megabytes(maxBytes)
              + " MB once decompressed; that is not an activity file.",
          compressed);
    } catch (IOException notGzip) {
      return refused("arrived damaged (it is not valid gzip, or it is cut short).", compressed);
    }
    if (content.length == 0) {
      return refused("is empty.", compressed);
    }
    String actual = IdempotencyKeys.sha256(content);
    if (sha256 == null || sha256.isBlank()) {
      return new Refused("came without its SHA-256 checksum.", content.length, actual);
    }
    if (!actual.equals(sha256.strip().toLowerCase(Locale.ROOT))) {
      return new Refused(
          "does not match the SHA-256 checksum sent with it; it was changed or cut short on the"
              + " way.",
          content.length,
          actual);
    }
    return new Accepted(content, actual);
  }

  /**
   * Inflates a gzip stream, reading no further once more than {@code maxBytes} came out.
   *
   * @throws TooLarge past {@code maxBytes}
   * @throws IOException for anything but a whole gzip stream
   */
  static byte[] inflate(InputStream compressed, long maxBytes) throws IOException {
    try (InputStream in = new GZIPInputStream(compressed)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[64 * 1024];
      int read;
      while ((read = in.read(buffer)) > 0) {
        if (out.size() + (long) read > maxBytes) {
          throw new TooLarge();
        }
        out.write(buffer, 0, read);
      }
      return out.toByteArray();
    }
  }

  private static Refused refused(String reason, byte[] received) {
    return new Refused(reason, Math.max(1, received.length), IdempotencyKeys.sha256(received));
  }

  private static String megabytes(long bytes) {
    long mb = bytes / (1024 * 1024);
    return mb > 0 ? String.valueOf(mb) : String.format(Locale.ROOT, "%.2f", bytes / 1048576.0);
  }

  /** The file inflates beyond the limit. */
  static final class TooLarge extends IOException {
    TooLarge() {
      super("decompressed file over the limit", null);
    }
  }
}
