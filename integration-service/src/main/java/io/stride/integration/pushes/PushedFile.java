package io.stride.integration.pushes;

import io.stride.platform.idempotency.IdempotencyKeys;
import io.stride.platform.web.InvalidRequestException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A pushed file, decoded and checked before anything is stored: base64, at most {@link #MAX_BYTES},
 * and by its first bytes a FIT, GPX or TCX file, gzip-compressed or not (only the start of a
 * compressed file is inflated to tell). Whether it holds a workout workout-service finds out.
 */
record PushedFile(byte[] bytes) {

  static final int MAX_BYTES = 6 * 1024 * 1024;
  private static final int SNIFF_BYTES = 4096;
  private static final String KINDS = "a FIT, GPX or TCX file (gzip-compressed or not)";

  static PushedFile decode(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw InvalidRequestException.of(
          "file", "is not base64 (RFC 4648, with padding, no line breaks): " + e.getMessage());
    }
    if (bytes.length == 0) {
      throw InvalidRequestException.of("file", "is empty; send " + KINDS);
    }
    if (bytes.length > MAX_BYTES) {
      throw InvalidRequestException.of(
          "file", "is " + bytes.length + " bytes; a pushed file is at most " + MAX_BYTES);
    }
    byte[] start = isGzip(bytes) ? inflatedStart(bytes) : bytes;
    if (!isFit(start) && !isActivityXml(start)) {
      throw InvalidRequestException.of("file", "is not " + KINDS);
    }
    return new PushedFile(bytes);
  }

  String sha256() {
    return IdempotencyKeys.sha256(bytes);
  }

  /** The file gzip-compressed, then base64-encoded, as {@code ActivityFileReceived} carries it. */
  String gzipBase64() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new IllegalStateException("gzip into memory failed", e);
    }
    return Base64.getEncoder().encodeToString(out.toByteArray());
  }

  private static boolean isGzip(byte[] bytes) {
    return bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
  }

  private static byte[] inflatedStart(byte[] bytes) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readNBytes(SNIFF_BYTES);
    } catch (IOException e) {
      throw InvalidRequestException.of(
          "file", "is gzip that cannot be inflated: " + e.getMessage());
    }
  }

  /** A FIT file's header: its size at 0 (12 or 14), ".FIT" at 8. */
  private static boolean isFit(byte[] start) {
    return start.length >= 12
        && (start[0] == 12 || start[0] == 14)
        && start[8] == '.'
        && start[9] == 'F'
        && start[10] == 'I'
        && start[11] == 'T';
  }

  private static boolean isActivityXml(byte[] start) {
    String text =
        new String(start, 0, Math.min(start.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
    return text.contains("<gpx")
        || text.contains(":gpx")
        || text.contains("TrainingCenterDatabase");
  }
}
