package io.stride.workout.streams;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;
import java.util.zip.InflaterInputStream;

/**
 * One stream's values as bytes: a version byte, the count, then IEEE doubles (NaN where the device
 * recorded nothing), deflated. Deltas of neighbouring samples repeat their high bytes, so a
 * 10,000-point stream packs into a few tens of kilobytes and is read back in one go.
 */
final class StreamCodec {

  private static final byte VERSION = 1;

  private StreamCodec() {}

  static byte[] encode(double[] values, int count) {
    ByteBuffer raw = ByteBuffer.allocate(5 + count * Double.BYTES);
    raw.put(VERSION).putInt(count);
    for (int i = 0; i < count; i++) {
      raw.putDouble(values[i]);
    }
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try {
      deflater.setInput(raw.array());
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(raw.capacity() / 2 + 64);
      byte[] chunk = new byte[64 * 1024];
      while (!deflater.finished()) {
        out.write(chunk, 0, deflater.deflate(chunk));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  static double[] decode(byte[] data) {
    try (DataInputStream in =
        new DataInputStream(new InflaterInputStream(new java.io.ByteArrayInputStream(data)))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalStateException("unknown stream encoding " + version);
      }
      double[] values = new double[in.readInt()];
      for (int i = 0; i < values.length; i++) {
        values[i] = in.readDouble();
      }
      return values;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
