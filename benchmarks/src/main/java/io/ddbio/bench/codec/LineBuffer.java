package io.ddbio.bench.codec;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Encoded lines laid end to end in one array, as a record reader sees them in its buffer: line
 * {@code i} is {@code [offset(i), offset(i + 1))}, without a terminator.
 */
public final class LineBuffer {
  private final byte[] bytes;
  private final int[] offsets;

  private LineBuffer(byte[] bytes, int[] offsets) {
    this.bytes = bytes;
    this.offsets = offsets;
  }

  /** Lays {@code lines} end to end. */
  public static LineBuffer of(List<byte[]> lines) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    int[] offsets = new int[lines.size() + 1];
    for (int i = 0; i < lines.size(); i++) {
      all.writeBytes(lines.get(i));
      offsets[i + 1] = all.size();
    }
    return new LineBuffer(all.toByteArray(), offsets);
  }

  /** The array holding every line; not a copy, not to be modified. */
  public byte[] bytes() {
    return bytes;
  }

  /** How many lines. */
  public int count() {
    return offsets.length - 1;
  }

  /** Where line {@code i} starts. */
  public int offset(int i) {
    return offsets[i];
  }

  /** Line {@code i}'s length in bytes. */
  public int length(int i) {
    return offsets[i + 1] - offsets[i];
  }

  /** All lines' bytes together. */
  public long totalBytes() {
    return offsets[offsets.length - 1];
  }
}
