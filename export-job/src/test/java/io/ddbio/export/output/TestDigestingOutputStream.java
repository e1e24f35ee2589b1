package io.ddbio.export.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TestDigestingOutputStream {

  @Test
  void countsAndDigestsExactlyWhatPassesThrough() throws Exception {
    byte[] data = new byte[100_003];
    new SplittableRandom(5).nextBytes(data);
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    DigestingOutputStream stream = new DigestingOutputStream(sink);
    int at = 0;
    // Single bytes, a slice from inside an array, and large chunks, as the codecs write them.
    stream.write(data[at++]);
    stream.write(data, at, 10);
    at += 10;
    while (at < data.length) {
      int n = Math.min(8192, data.length - at);
      stream.write(data, at, n);
      at += n;
    }
    stream.close();

    assertArrayEquals(data, sink.toByteArray());
    assertEquals(data.length, stream.count());
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    assertEquals(expected, stream.sha256Hex());
    assertEquals(expected, stream.sha256Hex(), "asking twice gives the same digest");
    assertEquals(
        HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data)), stream.md5Hex());
  }

  @Test
  void emptyStream() {
    DigestingOutputStream stream = new DigestingOutputStream(new ByteArrayOutputStream());
    assertEquals(0, stream.count());
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", stream.sha256Hex());
    assertEquals("d41d8cd98f00b204e9800998ecf8427e", stream.md5Hex());
  }
}
