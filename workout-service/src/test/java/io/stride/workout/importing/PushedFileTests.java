package io.stride.workout.importing;

import static io.stride.workout.importing.PushedFilesIntegrationTests.gzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stride.platform.idempotency.IdempotencyKeys;
import io.stride.workout.importing.PushedFile.Accepted;
import io.stride.workout.importing.PushedFile.Decoded;
import io.stride.workout.importing.PushedFile.Refused;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PushedFileTests {

  private static final long LIMIT = 25L * 1024 * 1024;
  private static final byte[] GPX =
      "<?xml version=\"1.0\"?><gpx version=\"1.1\"></gpx>".getBytes(StandardCharsets.UTF_8);

  @Test
  void aWellFormedPushGivesTheFileAsSentDecompressed() {
    Decoded decoded = PushedFile.decode(encoded(GPX), sha256(GPX), LIMIT);

    assertThat(decoded).isInstanceOf(Accepted.class);
    assertThat(((Accepted) decoded).content()).isEqualTo(GPX);
    assertThat(((Accepted) decoded).sha256()).isEqualTo(sha256(GPX));
  }

  @Test
  void theChecksumMayBeWrittenInCapitals() {
    Decoded decoded =
        PushedFile.decode(encoded(GPX), sha256(GPX).toUpperCase(Locale.ROOT) + " ", LIMIT);

    assertThat(decoded).isInstanceOf(Accepted.class);
  }

  @Test
  void aFileThatIsNotTheOneItsChecksumNamesIsRefused() {
    byte[] changed = GPX.clone();
    changed[10] ^= 1;

    Refused refused = (Refused) PushedFile.decode(encoded(changed), sha256(GPX), LIMIT);

    assertThat(refused.reasonFrom("Acme Rowing"))
        .isEqualTo(
            "The file Acme Rowing sent does not match the SHA-256 checksum sent with it; it was"
                + " changed or cut short on the way.");
    assertThat(refused.sizeBytes()).isEqualTo(changed.length);
    assertThat(refused.sha256()).isEqualTo(sha256(changed));
  }

  @Test
  void damagedEncodingsEmptyFilesAndMissingChecksumsAreRefusedWithAReason() {
    String notBase64 = "not base64 at all!";
    String notGzip = Base64.getEncoder().encodeToString(GPX);
    byte[] gzipped = gzip(GPX);
    String truncated =
        Base64.getEncoder().encodeToString(Arrays.copyOf(gzipped, gzipped.length - 8));

    assertThat(reason(notBase64, sha256(GPX))).contains("not valid base64");
    assertThat(reason(notGzip, sha256(GPX))).contains("not valid gzip");
    assertThat(reason(truncated, sha256(GPX))).contains("not valid gzip, or it is cut short");
    assertThat(reason(null, sha256(GPX))).endsWith("sent is empty.");
    assertThat(reason(encoded(new byte[0]), sha256(new byte[0]))).endsWith("sent is empty.");
    assertThat(reason(encoded(GPX), null)).contains("without its SHA-256 checksum");
    assertThat(((Refused) PushedFile.decode(notBase64, null, LIMIT)).reasonFrom(null))
        .startsWith("The file a partner's app sent ");
  }

  @Test
  void aGzipBombIsRefusedAfterInflatingNoMoreThanTheLimit() {
    byte[] zeros = new byte[50 * 1024 * 1024];
    byte[] bomb = gzip(zeros);
    long limit = 1024 * 1024;
    Counting compressed = new Counting(new ByteArrayInputStream(bomb));

    assertThatThrownBy(() -> PushedFile.inflate(compressed, limit))
        .isInstanceOf(PushedFile.TooLarge.class);
    assertThat(compressed.read)
        .as("stopped after inflating about 1 MB of the 50 MB it holds")
        .isLessThan(bomb.length / 10);
    assertThat(reason(Base64.getEncoder().encodeToString(bomb), sha256(zeros)))
        .isEqualTo(
            "The file Acme Rowing sent is larger than 25 MB once decompressed; that is not an"
                + " activity file.");
  }

  @Test
  void aFileOfExactlyTheLimitIsAccepted() throws IOException {
    byte[] content = new byte[4096];
    assertThat(PushedFile.inflate(new ByteArrayInputStream(gzip(content)), 4096)).hasSize(4096);
    assertThatThrownBy(() -> PushedFile.inflate(new ByteArrayInputStream(gzip(content)), 4095))
        .isInstanceOf(PushedFile.TooLarge.class);
  }

  private static String reason(String gzipBase64, String sha256) {
    Decoded decoded = PushedFile.decode(gzipBase64, sha256, LIMIT);
    assertThat(decoded).isInstanceOf(Refused.class);
    Refused refused = (Refused) decoded;
    assertThat(refused.sizeBytes()).isPositive();
    return refused.reasonFrom("Acme Rowing");
  }

  private static String encoded(byte[] file) {
    return Base64.getEncoder().encodeToString(gzip(file));
  }

  private static String sha256(byte[] content) {
    return IdempotencyKeys.sha256(content);
  }

  /** Counts the compressed bytes the inflater took. */
  private static final class Counting extends FilterInputStream {
    long read;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      read += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      read += Math.max(0, n);
      return n;
    }
  }
}
