package io.ddbio.importer;

import io.ddbio.backup.NativeExportManifest;
import io.ddbio.backup.NativeExportManifest.FileEntry;
import io.ddbio.testkit.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Native DynamoDB exports for the import's tests: the fixture, and small ones built on the spot.
 */
public final class NativeExports {
  /** The fixture export's id. */
  public static final String FIXTURE_ID = "01700000000000-a1b2c3d4";

  /** The fixture's data files, as its manifest lists them. */
  public static final List<String> FIXTURE_FILES =
      List.of("qqqqqqqqqqqqqqqqqqqqEXAMPLE0.json.gz", "qqqqqqqqqqqqqqqqqqqqEXAMPLE1.json.gz");

  private NativeExports() {}

  /** The fixture's prefix: the folder above {@code AWSDynamoDB/}. */
  public static Path fixturePrefix() {
    return Fixtures.root().resolve("native-ddb-json");
  }

  /** The fixture's export directory, {@code AWSDynamoDB/<id>}. */
  public static Path fixtureExport() {
    return exportDir(fixturePrefix(), FIXTURE_ID);
  }

  /** {@code <prefix>/AWSDynamoDB/<id>}. */
  public static Path exportDir(Path prefix, String id) {
    return prefix.resolve("AWSDynamoDB").resolve(id);
  }

  /**
   * Writes an export under {@code prefix}: one gzip data file per element of {@code files} (its
   * lines, each ended by {@code \n}), {@code manifest-files.json} with their true MD5s and counts
   * of non-blank lines, and a summary with their total.
   *
   * @param incremental whether the summary says {@code INCREMENTAL_EXPORT}
   * @return the export directory
   */
  public static Path write(Path prefix, String id, boolean incremental, List<List<String>> files)
      throws IOException {
    return write(prefix, id, incremental, files, NativeExportManifest.DYNAMODB_JSON);
  }

  /**
   * Writes an export as {@link #write(Path, String, boolean, List)} does, its lines in {@code
   * outputFormat} ({@code DYNAMODB_JSON} or {@code ION}, which names the files {@code .ion.gz}).
   */
  public static Path write(
      Path prefix, String id, boolean incremental, List<List<String>> files, String outputFormat)
      throws IOException {
    Path dir = exportDir(prefix, id);
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("_started"), "");
    List<FileEntry> entries = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < files.size(); i++) {
      String name =
          "data-" + i + (outputFormat.equals(NativeExportManifest.ION) ? ".ion.gz" : ".json.gz");
      Path data = gzip(dir.resolve("data").resolve(name), files.get(i));
      long items = files.get(i).stream().filter(l -> !l.isBlank()).count();
      total += items;
      entries.add(
          new FileEntry("AWSDynamoDB/" + id + "/data/" + name, items, md5(data), hexMd5(data)));
    }
    Files.write(dir.resolve(NativeExportManifest.FILES), NativeExportManifest.renderFiles(entries));
    Files.writeString(
        dir.resolve(NativeExportManifest.SUMMARY),
        summary(id, incremental, total).replace(NativeExportManifest.DYNAMODB_JSON, outputFormat));
    return dir;
  }

  /** A summary as DynamoDB writes it, in {@code DYNAMODB_JSON}. */
  public static String summary(String id, boolean incremental, long itemCount) {
    return "{\"version\":\"2020-06-30\",\"exportArn\":\"arn:aws:dynamodb:us-east-1:123456789012:"
        + "table/T/export/"
        + id
        + "\",\"s3Bucket\":\"some-bucket\",\"s3Prefix\":null,\"manifestFilesS3Key\":\"AWSDynamoDB/"
        + id
        + "/manifest-files.json\",\"itemCount\":"
        + itemCount
        + ",\"outputFormat\":\"DYNAMODB_JSON\""
        + (incremental
            ? ",\"exportType\":\"INCREMENTAL_EXPORT\",\"outputView\":\"NEW_AND_OLD_IMAGES\""
            : "")
        + "}";
  }

  /** Writes {@code lines}, each ended by {@code \n}, gzip-compressed. */
  public static Path gzip(Path file, List<String> lines) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      for (String line : lines) {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      }
    }
    return file;
  }

  /** The base64 MD5 of a file's bytes, as {@code manifest-files.json} records it. */
  public static String md5(Path file) {
    return Base64.getEncoder().encodeToString(digest(file));
  }

  private static String hexMd5(Path file) {
    return HexFormat.of().formatHex(digest(file));
  }

  private static byte[] digest(Path file) {
    try {
      return MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
