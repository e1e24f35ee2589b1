package io.ddbio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.backup.DataFileStats;
import io.ddbio.backup.ExportMetadata;
import io.ddbio.export.commit.TestExportCommitter;
import io.ddbio.item.DataPipelineCodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading an export directory in tests, independently of the code that wrote it. */
final class ExportFiles {
  private ExportFiles() {}

  /**
   * The data files of an export directory, sorted: every visible file except the manifest and the
   * metadata. Asserts that nothing else visible is there.
   */
  static List<String> dataFiles(Path dir) throws IOException {
    List<String> data = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith("_") || name.startsWith(".")) {
          assertTrue(name.equals("_SUCCESS") || name.endsWith(".crc"), "unexpected " + name);
          continue;
        }
        assertTrue(Files.isRegularFile(p), name + " is a file");
        if (!name.equals("manifest") && !name.equals("ddbio-export.json")) {
          data.add(name);
        }
      }
    }
    return data;
  }

  /** The manifest Data Pipeline would write for these files of a local directory. */
  static String expectedManifest(Path dir, List<String> dataFiles) {
    StringBuilder sb = new StringBuilder("{\"name\":\"DynamoDB-export\",\"version\":3,\n");
    sb.append("\"entries\": [\n");
    for (int i = 0; i < dataFiles.size(); i++) {
      sb.append("{\"url\":\"file:").append(dir.resolve(dataFiles.get(i))).append("\",");
      sb.append("\"mandatory\":true}").append(i + 1 < dataFiles.size() ? ",\n" : "\n");
    }
    return sb.append("]}").toString();
  }

  static ExportMetadata metadata(Path dir) throws IOException {
    assertTrue(Files.exists(dir.resolve("_SUCCESS")), "_SUCCESS in " + dir);
    try (InputStream in = Files.newInputStream(dir.resolve(ExportMetadata.FILE_NAME))) {
      return ExportMetadata.read(in, dir.toString());
    }
  }

  /**
   * The stored bytes of a data file the export's metadata lists; asserts that their size and
   * SHA-256 are the ones recorded for it.
   */
  static byte[] readAsRecorded(Path dir, DataFileStats file) throws Exception {
    byte[] stored = Files.readAllBytes(dir.resolve(file.name()));
    assertEquals(file.bytes(), stored.length, file.name());
    assertEquals(TestExportCommitter.sha256(stored), file.sha256(), file.name());
    return stored;
  }

  /**
   * Every item in the data files of a Data Pipeline export, decoded independently of the export's
   * own reading code; asserts that each file ends with a newline.
   */
  static List<Map<String, AttributeValue>> dataPipelineItems(Path dir, boolean gzip)
      throws IOException {
    DataPipelineCodec codec = new DataPipelineCodec();
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (String name : dataFiles(dir)) {
      byte[] stored = Files.readAllBytes(dir.resolve(name));
      lines(gzip ? gunzip(stored) : stored, name).forEach(line -> items.add(codec.decode(line)));
    }
    return items;
  }

  static byte[] gunzip(byte[] stored) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
      return in.readAllBytes();
    }
  }

  /** The lines of a data file; asserts that the last one ends with {@code \n}. */
  static List<String> lines(byte[] text, String file) {
    if (text.length == 0) {
      return List.of();
    }
    assertTrue(text[text.length - 1] == '\n', file + " ends with a newline");
    String all = new String(text, 0, text.length - 1, StandardCharsets.UTF_8);
    return List.of(all.split("\n", -1));
  }
}
