package io.ddbio.item;

import java.util.Arrays;

/**
 * Decodes standard base64 (RFC 4648 alphabet, {@code =} padding required, no line breaks or other
 * characters) straight from the parser's character buffer.
 *
 * <p>{@link java.util.Base64} would accept missing padding and unused bits that are set; both mean
 * the text was not written by a standard encoder, so they are rejected here rather than silently
 * read.
 */
final class StrictBase64 {
  private static final byte[] VALUE = new byte[128];

  static {
    Arrays.fill(VALUE, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      VALUE[alphabet.charAt(i)] = (byte) i;
    }
  }

  private StrictBase64() {}

  /** Decodes {@code len} characters of {@code text} from {@code off}. */
  static byte[] decode(char[] text, int off, int len) {
    int pad = 0;
    while (pad < 2 && pad < len && text[off + len - 1 - pad] == '=') {
      pad++;
    }
    int data = len - pad;
    for (int i = 0; i < data; i++) {
      char c = text[off + i];
      if (c >= 128 || VALUE[c] < 0) {
        throw new BadValue(
            "invalid base64: " + describe(c) + " at position " + i + " is not in the alphabet");
      }
    }
    if (len % 4 != 0) {
      throw new BadValue(
          "invalid base64: length " + len + " is not a multiple of 4 (padding is required)");
    }
    byte[] out = new byte[len / 4 * 3 - pad];
    int o = 0;
    int full = data / 4 * 4;
    for (int i = 0; i < full; i += 4) {
      int bits = quad(text, off + i, 4);
      out[o++] = (byte) (bits >> 16);
      out[o++] = (byte) (bits >> 8);
      out[o++] = (byte) bits;
    }
    if (pad > 0) {
      int bits = quad(text, off + full, 4 - pad);
      if ((bits & (pad == 1 ? 0xff : 0xffff)) != 0) {
        throw new BadValue("invalid base64: the bits after the last byte are not zero");
      }
      out[o++] = (byte) (bits >> 16);
      if (pad == 1) {
        out[o] = (byte) (bits >> 8);
      }
    }
    return out;
  }

  /** The 24 bits of up to four characters, left-aligned as if the group were complete. */
  private static int quad(char[] text, int at, int count) {
    int bits = 0;
    for (int k = 0; k < 4; k++) {
      bits = (bits << 6) | (k < count ? VALUE[text[at + k]] : 0);
    }
    return bits;
  }

  private static String describe(char c) {
    return c >= 0x20 && c < 0x7f
        ? "character '" + c + "'"
        : String.format("character U+%04X", (int) c);
  }
}
