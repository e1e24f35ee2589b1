package io.ddbio.importer;

import io.ddbio.backup.DataFileStats;
import io.ddbio.backup.DataPipelineManifest;
import io.ddbio.backup.ExportMetadata;
import io.ddbio.backup.ExportSelection;
import io.ddbio.backup.TableSchema;
import io.ddbio.importer.layout.BackupLayout;
import io.ddbio.item.DataPipelineCodec;
import io.ddbio.testkit.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Backup directories for the import's tests, built in temporary folders. */
public final class Backups {
  private Backups() {}

  /** The Hadoop path of a local file or folder. */
  public static org.apache.hadoop.fs.Path hadoop(Path p) {
    return new org.apache.hadoop.fs.Path(p.toUri());
  }

  /** A copy of {@code fixtures/<name>} in {@code target}, to change without touching the repo. */
  public static Path copyFixture(String name, Path target) {
    Path source = Fixtures.root().resolve(name);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : files.toList()) {
        Path to = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /** Writes {@code items} to {@code file} as Data Pipeline lines, each ended by {@code \n}. */
  public static Path writeItems(Path file, List<Map<String, AttributeValue>> items)
      throws IOException {
    DataPipelineCodec codec = new DataPipelineCodec();
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      for (Map<String, AttributeValue> item : items) {
        codec.encode(item, out);
        out.write('\n');
      }
    }
    return file;
  }

  /**
   * Writes a Data Pipeline {@code manifest} into {@code dir} listing its data files (every
   * non-hidden file but the manifest and metadata), by name, as absolute URLs: what Data Pipeline
   * writes once the files are complete.
   */
  public static Path writeManifest(Path dir) throws IOException {
    List<String> urls;
    try (Stream<Path> files = Files.list(dir)) {
      urls =
          files
              .filter(Files::isRegularFile)
              .filter(
                  p -> {
                    String name = p.getFileName().toString();
                    return !BackupLayout.isHidden(name)
                        && !name.equals(DataPipelineManifest.FILE_NAME)
                        && !name.equals(ExportMetadata.FILE_NAME);
                  })
              .sorted()
              .map(p -> p.toUri().toString())
              .toList();
    }
    return Files.write(
        dir.resolve(DataPipelineManifest.FILE_NAME), DataPipelineManifest.render(urls));
  }

  /** Writes {@code text} to {@code file} in UTF-8, creating its folder. */
  public static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Replaces line {@code number} (from 1) of a plain file, byte for byte elsewhere. */
  public static void replaceLine(Path file, int number, String line) throws IOException {
    List<byte[]> lines = new ArrayList<>(Fixtures.lines(file));
    lines.set(number - 1, line.getBytes(StandardCharsets.UTF_8));
    try (OutputStream out = Files.newOutputStream(file)) {
      for (byte[] l : lines) {
        out.write(l);
        out.write('\n');
      }
    }
  }

  /** Items (non-blank lines) in a data file, gunzipped when its name ends in {@code .gz}. */
  public static long itemsIn(Path file) {
    return Fixtures.lines(file).stream()
        .filter(l -> !DataPipelineCodec.isBlank(l, 0, l.length))
        .count();
  }

  /**
   * Writes {@code ddbio-export.json} into {@code dir} for its data files as they are now.
   *
   * @param keys key attributes as name, type, name, type… (partition key first)
   * @param itemCount the item count to record
   */
  public static void writeMetadata(Path dir, List<Path> dataFiles, long itemCount, String... keys)
      throws IOException {
    writeMetadata(dir, dataFiles, itemCount, schema(keys));
  }

  /**
   * A provisioned source table's schema with just a key.
   *
   * @param keys key attributes as name, type, name, type… (partition key first)
   */
  public static TableSchema schema(String... keys) {
    List<TableSchema.Key> keySchema = new ArrayList<>();
    List<TableSchema.Attribute> definitions = new ArrayList<>();
    for (int i = 0; i < keys.length; i += 2) {
      keySchema.add(new TableSchema.Key(keys[i], i == 0 ? "HASH" : "RANGE"));
      definitions.add(new TableSchema.Attribute(keys[i], keys[i + 1]));
    }
    return new TableSchema(
        "Source", keySchema, definitions, "PROVISIONED", 5, 5, List.of(), List.of());
  }

  /**
   * Writes {@code ddbio-export.json} into {@code dir} for its data files as they are now.
   *
   * @param itemCount the item count to record
   * @param table the source table's schema to record
   */
  public static void writeMetadata(
      Path dir, List<Path> dataFiles, long itemCount, TableSchema table) throws IOException {
    writeMetadata(dir, dataFiles, itemCount, table, null);
  }

  /**
   * Writes {@code ddbio-export.json} into {@code dir} for its data files as they are now, as a
   * partial export would.
   *
   * @param selection the projection and filter to record; null for a full export
   */
  public static void writeMetadata(
      Path dir, List<Path> dataFiles, long itemCount, TableSchema table, ExportSelection selection)
      throws IOException {
    List<DataFileStats> files = new ArrayList<>();
    long bytes = 0;
    for (Path f : dataFiles) {
      files.add(
          new DataFileStats(f.getFileName().toString(), itemsIn(f), Files.size(f), sha256(f)));
      bytes += Files.size(f);
    }
    ExportMetadata metadata = metadata(table, itemCount, bytes, files, selection);
    try (OutputStream out = Files.newOutputStream(dir.resolve(ExportMetadata.FILE_NAME))) {
      metadata.write(out);
    }
  }

  /** The metadata of a Data Pipeline format export by these tests, with fixed times. */
  public static ExportMetadata metadata(
      TableSchema table,
      long itemCount,
      long bytes,
      List<DataFileStats> files,
      ExportSelection selection) {
    return new ExportMetadata(
        ExportMetadata.FORMAT,
        ExportMetadata.FORMAT_VERSION,
        "test",
        ExportMetadata.DATA_PIPELINE_V3,
        null,
        table,
        "2024-01-01T00:00:00Z",
        "2024-01-01T00:01:00Z",
        itemCount,
        bytes,
        files,
        selection,
        null,
        null);
  }

  /** The data files of a copied {@code datapipeline-v3} fixture, plain first. */
  public static List<Path> v3DataFiles(Path dir) {
    return List.of(
        dir.resolve("ae10f955-fb2f-4790-9b11-fbfea01a871e_000000"),
        dir.resolve("5f1c0e3a-7d1b-4c1e-9a55-3b0c2f1d9e77.gz"));
  }

  /** The hex SHA-256 of a file, as the export records it. */
  public static String sha256(Path file) throws IOException {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
