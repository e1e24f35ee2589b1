package io.ddbio.item;

import java.util.Objects;

/**
 * Byte-level line handling shared by the codecs: a UTF-8 byte order mark at the start of a line and
 * a {@code \r} left at its end by CRLF files are not part of the item.
 */
final class Lines {
  private static final byte BOM_0 = (byte) 0xEF;
  private static final byte BOM_1 = (byte) 0xBB;
  private static final byte BOM_2 = (byte) 0xBF;

  private Lines() {}

  /** Where the line's content starts: after a UTF-8 byte order mark, if there is one. */
  static int start(byte[] buf, int off, int len) {
    boolean bom = len >= 3 && buf[off] == BOM_0 && buf[off + 1] == BOM_1 && buf[off + 2] == BOM_2;
    return bom ? off + 3 : off;
  }

  /** Where the line's content ends: before one trailing {@code \r}, if there is one. */
  static int end(byte[] buf, int start, int end) {
    return end > start && buf[end - 1] == '\r' ? end - 1 : end;
  }

  /** The first byte in {@code [from, to)} that is not JSON whitespace, or -1 if there is none. */
  static int firstNonBlank(byte[] buf, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = buf[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return b & 0xff;
      }
    }
    return -1;
  }

  /** Reads a line's content, from {@code from} (inclusive) to {@code to} (exclusive). */
  @FunctionalInterface
  interface Reader<T> {
    T read(byte[] buf, int from, int to);
  }

  /**
   * Reads the line {@code [off, off + len)} without its byte order mark and trailing {@code \r}; a
   * bad value found on the way becomes the {@link ItemFormatException} naming its path.
   *
   * @throws IndexOutOfBoundsException if the line is not inside {@code buf}
   */
  static <T> T read(byte[] buf, int off, int len, Reader<T> reader) {
    Objects.checkFromIndexSize(off, len, buf.length);
    int from = start(buf, off, len);
    try {
      return reader.read(buf, from, end(buf, from, off + len));
    } catch (BadValue e) {
      throw e.toException();
    }
  }

  /** Whether the line holds nothing but a byte order mark and whitespace. */
  static boolean isBlank(byte[] buf, int off, int len) {
    return firstNonBlank(buf, start(buf, off, len), off + len) < 0;
  }
}
