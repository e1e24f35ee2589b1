package io.ddbio.export.verify.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One pass over a file: stored bytes, digests, lines, through a codec or not. */
class TestDataFileReader {
  @TempDir Path tmp;

  private DataFileReader.Facts read(Path file, List<String> lines) throws IOException {
    Configuration conf = new Configuration(false);
    FileSystem fs = FileSystem.getLocal(conf).getRaw();
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file.toUri());
    return DataFileReader.read(
        fs,
        path,
        new CompressionCodecFactory(new Configuration()).getCodec(path),
        lines == null
            ? null
            : (buf, off, len, n) -> {
              assertEquals(lines.size() + 1, n, "line numbers count from 1");
              lines.add(new String(buf, off, len, StandardCharsets.UTF_8));
            });
  }

  private static String hex(String algorithm, byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
  }

  @Test
  void plainLinesAndTheDigestsOfTheStoredBytes() throws Exception {
    // One line longer than the reader's buffer, so a line spans reads.
    String longLine = "x".repeat(200_000);
    byte[] text = ("a\n" + longLine + "\n\nlast\n").getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(tmp.resolve("plain"), text);
    List<String> lines = new ArrayList<>();
    DataFileReader.Facts facts = read(file, lines);
    assertEquals(List.of("a", longLine, "", "last"), lines);
    assertEquals(4, facts.lines());
    assertFalse(facts.unterminated());
    assertEquals(text.length, facts.bytes());
    assertEquals(hex("SHA-256", text), facts.sha256Hex());
    assertEquals(hex("MD5", text), facts.md5Hex());
  }

  @Test
  void aLastLineWithoutNewlineCountsAndIsFlagged() throws Exception {
    Path file = Files.writeString(tmp.resolve("cut"), "a\nb");
    List<String> lines = new ArrayList<>();
    DataFileReader.Facts facts = read(file, lines);
    assertEquals(List.of("a", "b"), lines);
    assertEquals(2, facts.lines());
    assertTrue(facts.unterminated());
    assertEquals(0, read(Files.write(tmp.resolve("empty"), new byte[0]), null).lines());
  }

  @Test
  void gzipIsReadThroughAndDigestedAsStored() throws Exception {
    Path file = tmp.resolve("data.json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("{\"Item\":{}}\n{\"Item\":{}}\n".getBytes(StandardCharsets.UTF_8));
    }
    byte[] stored = Files.readAllBytes(file);
    DataFileReader.Facts facts = read(file, null);
    assertEquals(2, facts.lines());
    assertEquals(stored.length, facts.bytes());
    assertEquals(hex("MD5", stored), facts.md5Hex());

    Files.write(file, Arrays.copyOf(stored, stored.length - 12));
    assertThrows(IOException.class, () -> read(file, null), "a cut-off gzip stream");
  }

  @Test
  void differencesNameEveryDisagreement() {
    ExpectedFile expected =
        new ExpectedFile(
            "f",
            new org.apache.hadoop.fs.Path("/f"),
            java.util.OptionalLong.of(3),
            java.util.Optional.of(new io.ddbio.backup.DataFileStats("f", 3, 10, "aa")),
            java.util.Optional.of("AAAAAAAAAAAAAAAAAAAAAA=="));
    DataFileReader.Facts same =
        new DataFileReader.Facts(10, "aa", "00000000000000000000000000000000", 3, false);
    assertEquals(List.of(), FileCheck.differences(expected, same));
    DataFileReader.Facts other =
        new DataFileReader.Facts(11, "bb", "0000000000000000000000000000000f", 2, true);
    List<String> d = FileCheck.differences(expected, other);
    assertEquals(5, d.size(), d.toString());
    assertTrue(d.get(0).startsWith("11 bytes where 10"), d.toString());
  }
}
