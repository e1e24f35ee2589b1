package io.ddbio.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The manifests of DynamoDB's native "Export to S3" ({@code AWSDynamoDB/<ExportId>/}): {@code
 * manifest-summary.json} (one JSON object) and {@code manifest-files.json} (JSON Lines, one data
 * file a line, with its item count and the base64 MD5 of its stored bytes). Read strictly: a
 * manifest problem is never skippable.
 */
public final class NativeExportManifest {
  /** The summary's file name. */
  public static final String SUMMARY = "manifest-summary.json";

  /** The file list's file name. */
  public static final String FILES = "manifest-files.json";

  /** The only summary version published. */
  public static final String VERSION = "2020-06-30";

  /** The output format this code reads and writes. */
  public static final String DYNAMODB_JSON = "DYNAMODB_JSON";

  /** {@code outputFormat} of an export in Amazon Ion text. */
  public static final String ION = "ION";

  private static final ObjectMapper JSON = new ObjectMapper();

  private NativeExportManifest() {}

  /**
   * One data file.
   *
   * @param dataFileS3Key the file's key relative to the bucket, e.g. {@code
   *     AWSDynamoDB/<id>/data/<name>.json.gz}
   * @param itemCount lines in the file
   * @param md5Checksum base64 MD5 of the stored (compressed) bytes
   * @param etag the object's ETag (hex MD5 for a single-part upload)
   */
  public record FileEntry(String dataFileS3Key, long itemCount, String md5Checksum, String etag) {
    /** The data file's name, the last part of its key. */
    public String fileName() {
      return dataFileS3Key.substring(dataFileS3Key.lastIndexOf('/') + 1);
    }
  }

  /**
   * What the summary says that matters for reading.
   *
   * @param outputFormat {@code DYNAMODB_JSON} or {@code ION}
   * @param itemCount items in the whole export
   * @param manifestFilesS3Key where the file list is
   * @param exportType {@code FULL_EXPORT} or {@code INCREMENTAL_EXPORT} (absent means full)
   * @param billedSizeBytes the items' size as DynamoDB billed the export, 0 when absent (DynamoDB
   *     writes 0 for a small table)
   */
  public record Summary(
      String outputFormat,
      long itemCount,
      String manifestFilesS3Key,
      String exportType,
      long billedSizeBytes) {
    /** Whether lines carry {@code NewImage}/{@code Keys} changes rather than whole items. */
    public boolean incremental() {
      return "INCREMENTAL_EXPORT".equals(exportType);
    }
  }

  /**
   * Reads {@code manifest-summary.json}.
   *
   * @param where its location, named in errors
   */
  public static Summary parseSummary(InputStream in, String where) throws IOException {
    JsonNode root = readObject(() -> JSON.readTree(in), where, "it");
    String version = text(root, "version");
    if (version != null && !VERSION.equals(version)) {
      throw problem(where, "its version is " + version + "; only " + VERSION + " is read");
    }
    String format = text(root, "outputFormat");
    if (format == null) {
      throw problem(where, "it has no \"outputFormat\"");
    }
    JsonNode count = root.get("itemCount");
    if (count == null || !count.canConvertToLong()) {
      throw problem(where, "it has no numeric \"itemCount\"");
    }
    JsonNode billed = root.get("billedSizeBytes");
    return new Summary(
        format,
        count.asLong(),
        text(root, "manifestFilesS3Key"),
        text(root, "exportType"),
        billed != null && billed.canConvertToLong() ? Math.max(0, billed.asLong()) : 0);
  }

  /**
   * Reads {@code manifest-files.json}.
   *
   * @param where its location, named in errors (with the line)
   */
  public static List<FileEntry> parseFiles(InputStream in, String where) throws IOException {
    List<FileEntry> entries = new ArrayList<>();
    String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String at = where + ":" + (i + 1);
      JsonNode node = readObject(() -> JSON.readTree(line), at, "the line");
      String key = text(node, "dataFileS3Key");
      String md5 = text(node, "md5Checksum");
      JsonNode count = node.get("itemCount");
      if (key == null || md5 == null || count == null || !count.canConvertToLong()) {
        throw problem(at, "an entry needs dataFileS3Key, itemCount and md5Checksum");
      }
      entries.add(new FileEntry(key, count.asLong(), md5, text(node, "etag")));
    }
    return entries;
  }

  /** Renders {@code manifest-files.json} for {@code entries}. */
  public static byte[] renderFiles(List<FileEntry> entries) {
    StringBuilder sb = new StringBuilder();
    for (FileEntry e : entries) {
      ObjectNode n = JSON.createObjectNode();
      n.put("itemCount", e.itemCount());
      n.put("md5Checksum", e.md5Checksum());
      n.put("etag", e.etag());
      n.put("dataFileS3Key", e.dataFileS3Key());
      sb.append(n).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Renders {@code manifest-summary.json} in the published shape.
   *
   * @param fields the values known to the writer: export and table ARNs, times, bucket, prefix
   */
  public static byte[] renderSummary(SummaryFields fields) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("version", VERSION);
    n.put("exportArn", fields.exportArn());
    n.put("startTime", fields.startTime());
    n.put("endTime", fields.endTime());
    n.put("tableArn", fields.tableArn());
    n.put("tableId", fields.tableId());
    n.put("exportTime", fields.startTime());
    n.put("s3Bucket", fields.s3Bucket());
    n.put("s3Prefix", fields.s3Prefix());
    n.put("s3SseAlgorithm", "AES256");
    n.putNull("s3SseKmsKeyId");
    n.put("manifestFilesS3Key", fields.manifestFilesS3Key());
    n.put("billedSizeBytes", fields.billedSizeBytes());
    n.put("itemCount", fields.itemCount());
    n.put("outputFormat", DYNAMODB_JSON);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JSON.writeValue(out, n);
    return out.toByteArray();
  }

  /**
   * The values of a summary that a writer supplies.
   *
   * @param exportArn an ARN naming this export
   * @param startTime ISO-8601
   * @param endTime ISO-8601
   * @param tableArn the table's ARN
   * @param tableId the table's id
   * @param s3Bucket the bucket (or file system authority)
   * @param s3Prefix the prefix above {@code AWSDynamoDB/}, or null
   * @param manifestFilesS3Key key of {@code manifest-files.json}
   * @param billedSizeBytes bytes of the export
   * @param itemCount items in the export
   */
  public record SummaryFields(
      String exportArn,
      String startTime,
      String endTime,
      String tableArn,
      String tableId,
      String s3Bucket,
      String s3Prefix,
      String manifestFilesS3Key,
      long billedSizeBytes,
      long itemCount) {}

  /** Parses one JSON document: the whole summary, or one line of the file manifest. */
  @FunctionalInterface
  private interface JsonSource {
    JsonNode parse() throws IOException;
  }

  /**
   * Parses an object, or fails naming {@code where}.
   *
   * @param subject what is parsed, as a message says it: "it" (a file) or "the line"
   */
  private static JsonNode readObject(JsonSource source, String where, String subject)
      throws IOException {
    try {
      JsonNode n = source.parse();
      if (n == null || !n.isObject()) {
        throw problem(where, subject + " is not a JSON object");
      }
      return n;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw problem(where, subject + " is not valid JSON (" + e.getOriginalMessage() + ")");
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static IOException problem(String where, String what) {
    return new IOException("Native export manifest " + where + " cannot be used: " + what);
  }
}
