package io.ddbio.importer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.importer.Backups;
import io.ddbio.importer.NativeExports;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A native export's data file is checked against its manifest entry before a line is returned. */
class TestNativeExportRecordReader {
  private static final String FIXTURE_MD5 = "ZC/N3dEeA16D2RvKOW3P+g==";
  private static final String EMPTY_MD5 = "1B2M2Y8AsgTpgAmY7PhCfg==";

  @TempDir Path tmp;

  /** The first data file of the fixture, copied so it can be changed. */
  private Path fixtureFile() throws IOException {
    Path copy = tmp.resolve(NativeExports.FIXTURE_FILES.get(0));
    Files.copy(
        NativeExports.fixtureExport().resolve("data").resolve(NativeExports.FIXTURE_FILES.get(0)),
        copy);
    return copy;
  }

  /** The line numbers the reader returns for {@code file}, checked against md5 and count. */
  private static List<Long> read(Path file, String md5, long items) throws IOException {
    NativeExportRecordReader reader = new NativeExportRecordReader();
    reader.initialize(
        new NativeFileSplit(Backups.hadoop(file), Files.size(file), md5, items),
        new TaskAttemptContextImpl(new Configuration(), new TaskAttemptID()));
    List<Long> numbers = new ArrayList<>();
    try {
      while (reader.nextKeyValue()) {
        numbers.add(reader.getCurrentKey().get());
      }
    } finally {
      reader.close();
    }
    return numbers;
  }

  private static String failure(Path file, String md5, long items) {
    return assertThrows(IOException.class, () -> read(file, md5, items)).getMessage();
  }

  @Test
  void aFileMatchingItsEntryIsReadWhole() throws IOException {
    assertEquals(20, read(fixtureFile(), FIXTURE_MD5, 20).size());
  }

  @Test
  void anotherChecksumFailsBeforeTheFirstLineNamingTheFile() throws IOException {
    Path file = fixtureFile();
    String m = failure(file, "kqp5BPzGrHXUzE8VTGGqiA==", 20);
    assertTrue(m.startsWith("file:" + file + " has MD5 " + FIXTURE_MD5), m);
    assertTrue(m.contains("manifest-files.json records kqp5BPzGrHXUzE8VTGGqiA=="), m);
    assertTrue(m.endsWith("none of its items were written"), m);
  }

  @Test
  void anotherItemCountFailsNamingBothCounts() throws IOException {
    String m = failure(fixtureFile(), FIXTURE_MD5, 21);
    assertTrue(m.contains("holds 20 items, but manifest-files.json records 21"), m);
  }

  @Test
  void bytesAppendedAfterTheCompressedDataAreCaught() throws IOException {
    Path file = fixtureFile();
    Files.write(file, new byte[] {'\n', 'x'}, StandardOpenOption.APPEND);
    assertTrue(failure(file, FIXTURE_MD5, 20).contains(" has MD5 "));
  }

  @Test
  void aFileCutShortFailsAsAChecksumMismatch() throws IOException {
    Path file = fixtureFile();
    byte[] whole = Files.readAllBytes(file);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(whole, 0, whole.length / 2);
    }
    IOException e = assertThrows(IOException.class, () -> read(file, FIXTURE_MD5, 20));
    assertTrue(e.getMessage().contains(" has MD5 "), e.getMessage());
  }

  @Test
  void blankLinesAreNotItemsAndAnEmptyFileHasNone() throws IOException {
    Path file =
        NativeExports.gzip(
            tmp.resolve("blank.json.gz"), List.of("{\"Item\":{\"pk\":{\"S\":\"a\"}}}", "", " "));
    assertEquals(List.of(1L, 2L, 3L), read(file, NativeExports.md5(file), 1));

    Path empty = Files.createFile(tmp.resolve("empty.json.gz"));
    assertEquals(List.of(), read(empty, EMPTY_MD5, 0));
    assertTrue(failure(empty, EMPTY_MD5, 1).contains("holds 0 items"));
  }
}
