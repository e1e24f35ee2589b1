package io.ddbio.importer;

import io.ddbio.importer.lines.DataFileLines;
import io.ddbio.item.DataPipelineCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.Text;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The corpus of broken input in {@code src/test/resources/broken/} and its list of cases, the table
 * in {@code docs/BAD-INPUT.md}: what each case is and how the import reports it.
 */
final class Corpus {
  /** The corpus, from the module's folder (where the tests run). */
  static final Path ROOT = Path.of("src", "test", "resources", "broken");

  static final Path DOC = Path.of("..", "docs", "BAD-INPUT.md");

  /** The case the tests write themselves: 400 KB are not worth committing. */
  static final String OVERSIZE = "lines/item-over-400-kb";

  private static final String SECTION = "## The corpus";

  /** One configuration for all reads: each new one parses Hadoop's defaults again. */
  private static final Configuration CONF = new Configuration();

  private Corpus() {}

  /**
   * One row of the table.
   *
   * @param name its path under the corpus, e.g. {@code lines/empty-set}
   * @param kind {@code record}, {@code tolerated} or {@code file}
   * @param line the bad line's number, for a record case; 0 otherwise
   * @param reportedAs a part of the reason or message the import gives; empty when tolerated
   */
  record Case(String name, String kind, int line, String reportedAs) {
    boolean isRecord() {
      return kind.equals("record");
    }

    boolean isFile() {
      return kind.equals("file");
    }

    /** The file's or directory's name once copied into a backup. */
    String fileName() {
      return name.substring(name.indexOf('/') + 1);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Every case the table lists, in its order. */
  static List<Case> cases() {
    List<String> doc;
    try {
      doc = Files.readAllLines(DOC, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Case> cases = new ArrayList<>();
    boolean inSection = false;
    for (String row : doc) {
      if (row.startsWith("## ")) {
        inSection = row.equals(SECTION);
      } else if (inSection && row.startsWith("| `")) {
        String[] cells = row.split("\\|", -1);
        String line = cells[3].trim();
        cases.add(
            new Case(
                code(cells[1]),
                cells[2].trim(),
                line.isEmpty() ? 0 : Integer.parseInt(line),
                code(cells[4])));
      }
    }
    return cases;
  }

  /** The cases of one kind. */
  static List<Case> cases(String kind) {
    return cases().stream().filter(c -> c.kind().equals(kind)).toList();
  }

  /** The file of a record or tolerated case, written first when it is {@link #OVERSIZE}. */
  static Path file(Case c, Path tmp) throws IOException {
    return c.name().equals(OVERSIZE)
        ? writeOversize(tmp.resolve(c.fileName()))
        : ROOT.resolve(c.name());
  }

  /**
   * A backup directory holding every record and tolerated case's file, named by case, and a
   * manifest listing them, so that one import meets them all.
   */
  static Path lineBackup(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Case c : cases()) {
      if (!c.isFile()) {
        Path from = file(c, dir);
        Path to = dir.resolve(c.fileName());
        if (!from.equals(to)) {
          Files.copy(from, to);
        }
      }
    }
    Backups.writeManifest(dir);
    return dir;
  }

  /** A copy of a file case's backup directory. */
  static Path fileBackup(Case c, Path dir) throws IOException {
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(ROOT.resolve(c.name()))) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    return dir;
  }

  /** Every line of a data file as the import reads it, numbered from 1 (index 0 is line 1). */
  static List<byte[]> lines(Path file) throws IOException {
    List<byte[]> lines = new ArrayList<>();
    Text text = new Text();
    try (DataFileLines in = DataFileLines.open(Backups.hadoop(file), Files.size(file), CONF)) {
      while (in.next(text) != 0) {
        lines.add(text.copyBytes());
      }
    }
    return lines;
  }

  /**
   * The items on the good lines of a case's file.
   *
   * @param upTo the items on lines before this one only (the default behaviour stops there)
   */
  static List<Map<String, AttributeValue>> goodItems(Case c, Path file, int upTo)
      throws IOException {
    DataPipelineCodec codec = new DataPipelineCodec();
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    List<byte[]> lines = lines(file);
    for (int i = 0; i < lines.size() && i + 1 < upTo; i++) {
      byte[] l = lines.get(i);
      if (i + 1 != c.line() && !DataPipelineCodec.isBlank(l, 0, l.length)) {
        items.add(codec.decode(l, 0, l.length));
      }
    }
    return items;
  }

  /** Writes the oversize case: a good line, an item of 410,000 bytes and more, a good line. */
  static Path writeOversize(Path file) throws IOException {
    String name = OVERSIZE.substring(OVERSIZE.indexOf('/') + 1);
    String big =
        "{\"pk\":{\"s\":\""
            + name
            + "#2\"},\"sk\":{\"n\":\"2\"},\"blob\":{\"s\":\""
            + "x".repeat(410_000)
            + "\"}}";
    return Backups.write(file, good(name, 1) + "\n" + big + "\n" + good(name, 3) + "\n");
  }

  private static String good(String name, int n) {
    return "{\"pk\":{\"s\":\"" + name + "#" + n + "\"},\"sk\":{\"n\":\"" + n + "\"}}";
  }

  private static String code(String cell) {
    String s = cell.trim();
    return s.startsWith("`") && s.endsWith("`") ? s.substring(1, s.length() - 1) : s;
  }
}
