package io.ddbio.importer.reject;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.importer.Backups;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.counters.GenericCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One task's bad records: failing, or set aside as JSON lines. */
class TestBadRecords {
  private static final String FILE = "s3a://bucket/backup/part-3";

  @TempDir Path tmp;

  private final Counter counter = new GenericCounter();

  private RejectFile rejectFile() throws IOException {
    return new RejectFile(
        FileSystem.getLocal(new Configuration()), Backups.hadoop(tmp.resolve("work/rejects")));
  }

  private List<Reject> rejects() throws IOException {
    List<Reject> read = new ArrayList<>();
    for (String line : Files.readAllLines(tmp.resolve("work/rejects"), StandardCharsets.UTF_8)) {
      read.add(Reject.parse(line));
    }
    return read;
  }

  private static Text text(String s) {
    return new Text(s);
  }

  @Test
  void withoutALimitTheFirstBadRecordFailsNamingFileAndLine() throws IOException {
    BadRecords bad = new BadRecords(FILE, 0, counter, null);
    Exception cause = new IllegalArgumentException("x");

    IOException e =
        assertThrows(IOException.class, () -> bad.setAside(7, text("{"), "invalid JSON", cause));

    assertEquals(FILE + ":7: invalid JSON", e.getMessage());
    assertEquals(cause, e.getCause());
    assertEquals(0, counter.getValue());
  }

  @Test
  void upToTheLimitRecordsAreSetAsideWithLineAndReasonAndTheNextFails() throws IOException {
    try (BadRecords bad = new BadRecords(FILE, 2, counter, rejectFile())) {
      bad.setAside(2, text("{\"a\":"), "invalid JSON", null);
      bad.setAside(5, text("{\"pk\":{\"s\":\"é\"}}"), "Item has no key attribute sk (N)", null);

      IOException e =
          assertThrows(IOException.class, () -> bad.setAside(9, text("?"), "legacy…", null));
      assertTrue(
          e.getMessage()
              .startsWith(FILE + ":9: legacy… (bad record 3 of this file alone, over the 2 that"),
          e.getMessage());
      assertTrue(e.getMessage().contains("--max-bad-records"), e.getMessage());
    }

    assertEquals(2, counter.getValue());
    assertEquals(
        List.of(
            new Reject(FILE, 2, "invalid JSON", "{\"a\":", null),
            new Reject(
                FILE, 5, "Item has no key attribute sk (N)", "{\"pk\":{\"s\":\"é\"}}", null)),
        rejects());
  }

  @Test
  void aLineThatIsNotUtf8IsKeptAsBase64ByteForByte() throws IOException {
    byte[] line = {'{', '"', 'c', 'a', 'f', (byte) 0xe9, '"', '}'};
    Text text = new Text();
    text.set(line, 0, line.length);
    try (BadRecords bad = new BadRecords(FILE, 1, counter, rejectFile())) {
      bad.setAside(1, text, "invalid JSON at column 6: Invalid UTF-8", null);
    }

    Reject r = rejects().get(0);
    assertNull(r.text());
    assertArrayEquals(line, r.bytes());
    assertTrue(
        Files.readString(tmp.resolve("work/rejects")).contains("\"base64\":\"eyJjYWbpIn0=\""));
  }

  @Test
  void eachRejectIsOneLineOfJsonWhateverTheText() throws IOException {
    String awkward = "tab\there \"quoted\" back\\slash line\u2028sep \u0001 \uFEFF";
    try (BadRecords bad = new BadRecords(FILE, 1, counter, rejectFile())) {
      bad.setAside(4, text(awkward), "reason \"q\"\nsecond line", null);
    }

    List<String> lines = Files.readAllLines(tmp.resolve("work/rejects"), StandardCharsets.UTF_8);
    assertEquals(1, lines.size());
    assertTrue(lines.get(0).startsWith("{\"file\":\"" + FILE + "\",\"line\":4,\"reason\":"));
    assertEquals(new Reject(FILE, 4, "reason \"q\"\nsecond line", awkward, null), rejects().get(0));
  }

  @Test
  void noBadRecordNoFile() throws IOException {
    new BadRecords(FILE, 5, counter, rejectFile()).close();

    assertFalse(Files.exists(tmp.resolve("work/rejects")));
  }

  @Test
  void aLimitNeedsSomewhereToSetRecordsAside() {
    assertThrows(IllegalArgumentException.class, () -> new BadRecords(FILE, 1, counter, null));
  }
}
