package io.stride.workout.importing.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CompressedFilesTests {

  private final ActivityFiles files = new ActivityFiles(Limits.DEFAULT);

  @Test
  void readsAGzippedFitFile() throws IOException {
    byte[] fit = ActivityFixtures.copied("fitparse_garmin-fenix-5-run.fit");

    assertThat(files.read(gzip(fit)).track().size()).isEqualTo(files.read(fit).track().size());
  }

  @Test
  void aGzipBombStopsAtTheCapInsteadOfFillingMemory() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 100; i++) {
        gzip.write(zeros);
      }
    }
    assertThat(bytes.size()).isLessThan(200_000);

    assertThatThrownBy(() -> files.read(bytes.toByteArray()))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("expands beyond 64 MB");
  }

  @Test
  void aDamagedGzipStreamFailsWithAReason() throws IOException {
    byte[] zipped = gzip(ActivityFixtures.copied("gpxgo_file.gpx"));

    assertThatThrownBy(() -> files.read(java.util.Arrays.copyOf(zipped, zipped.length / 2)))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("gzip");
  }

  @Test
  void somethingElseEntirelyIsNotAnActivityFile() {
    assertThatThrownBy(() -> files.read("%PDF-1.7 hello".getBytes()))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("not a GPX, TCX or FIT");
  }

  private static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(content);
    }
    return bytes.toByteArray();
  }
}
