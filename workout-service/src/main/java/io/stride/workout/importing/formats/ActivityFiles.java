package io.stride.workout.importing.formats;

import io.stride.workout.activity.ParsedActivity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Reads an uploaded activity file whatever it is: gzip'd or not (decompressed with a cap, so a gzip
 * bomb stops at the cap), then FIT, GPX or TCX recognised by content, not by file name.
 */
public final class ActivityFiles {

  /** Gzip'd files may expand to this much; a real 25 MB-compressed GPX stays far below. */
  public static final int MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;

  private final GpxReader gpx;
  private final TcxReader tcx;
  private final FitReader fit;

  public ActivityFiles(Limits limits) {
    this.gpx = new GpxReader(limits);
    this.tcx = new TcxReader(limits);
    this.fit = new FitReader(limits);
  }

  /** Reads a file whose local times (a FIT file's without UTC) are UTC's. */
  public ParsedActivity read(byte[] upload) {
    return read(upload, java.time.ZoneOffset.UTC);
  }

  /**
   * Reads a file; {@code athleteZone} dates the rare FIT file that knows only its local wall-clock
   * time (where the athlete lives is the best guess of where the device was set).
   */
  public ParsedActivity read(byte[] upload, java.time.ZoneId athleteZone) {
    byte[] content = isGzip(upload) ? gunzip(upload) : upload;
    return switch (formatOf(content)) {
      case "fit" -> fit.read(content, athleteZone);
      case "gpx" -> gpx.read(content);
      case "tcx" -> tcx.read(content);
      default ->
          throw new UnreadableFileException(
              "The file is not a GPX, TCX or FIT activity file (optionally gzip'd).");
    };
  }

  /** {@code fit}, {@code gpx}, {@code tcx}, or {@code unknown}, from the first bytes. */
  public static String formatOf(byte[] content) {
    if (content.length >= 12
        && (content[0] == 12 || content[0] == 14)
        && content[8] == '.'
        && content[9] == 'F'
        && content[10] == 'I'
        && content[11] == 'T') {
      return "fit";
    }
    String head = new String(content, 0, Math.min(content.length, 2048), StandardCharsets.UTF_8);
    if (head.contains("<gpx")) {
      return "gpx";
    }
    if (head.contains("TrainingCenterDatabase")) {
      return "tcx";
    }
    return "unknown";
  }

  static boolean isGzip(byte[] content) {
    return content.length >= 2 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b;
  }

  private static byte[] gunzip(byte[] compressed) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      ByteArrayOutputStream out =
          new ByteArrayOutputStream(Math.min(compressed.length * 4, 1 << 20));
      byte[] buffer = new byte[64 * 1024];
      int read;
      while ((read = in.read(buffer)) > 0) {
        if (out.size() + read > MAX_DECOMPRESSED_BYTES) {
          throw new UnreadableFileException(
              "The gzip'd file expands beyond "
                  + MAX_DECOMPRESSED_BYTES / (1024 * 1024)
                  + " MB; that is not an activity file.");
        }
        out.write(buffer, 0, read);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UnreadableFileException("The gzip'd file is damaged or truncated.", e);
    }
  }
}
