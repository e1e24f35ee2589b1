package io.ddbio.export.layout;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.fs.Path;

/**
 * Where a {@code dynamodb-json} export puts its files, in the layout of DynamoDB's native "Export
 * to S3":
 *
 * <pre>
 * &lt;out&gt;/AWSDynamoDB/&lt;exportId&gt;/_started
 * &lt;out&gt;/AWSDynamoDB/&lt;exportId&gt;/data/&lt;uuid&gt;_&lt;task&gt;.json.gz
 * &lt;out&gt;/AWSDynamoDB/&lt;exportId&gt;/manifest-files.json
 * &lt;out&gt;/AWSDynamoDB/&lt;exportId&gt;/manifest-summary.json
 * </pre>
 *
 * <p><b>Keys.</b> The manifests name files by S3 key, which is relative to the bucket. Here a key
 * is a path relative to the root of the output's file system, without the leading {@code /}; the
 * "bucket" is the URI's authority. So for {@code s3a://bucket/backups/t1} the bucket is {@code
 * bucket}, the prefix {@code backups/t1}, and a data file's key {@code
 * backups/t1/AWSDynamoDB/<id>/data/<name>.json.gz}, exactly what S3 and the native tools expect;
 * for {@code hdfs://nn:8020/backups/t1} the bucket is {@code nn:8020} and the key the same; for a
 * local {@code file:/tmp/t1} there is no bucket and the key is {@code tmp/t1/AWSDynamoDB/…}. {@code
 * <scheme>://<bucket>/<key>} is the file. A reader of a copied export should look for the part from
 * {@code AWSDynamoDB/} on below the directory it was given, as {@code ./ddbio verify} does.
 */
public final class NativeLayout {
  /** The directory the native layout starts with, below the output directory. */
  public static final String ROOT = "AWSDynamoDB";

  /** The marker a native export writes first; here written at job commit, before the manifests. */
  public static final String STARTED = "_started";

  private NativeLayout() {}

  /**
   * A new export id in the native shape: the start time in milliseconds, 14 digits, a dash, and 8
   * random hex digits, e.g. {@code 01767225600000-3f2a9c1d}.
   */
  public static String newExportId(Instant start) {
    return String.format(
        Locale.ROOT, "%014d-%08x", start.toEpochMilli(), ThreadLocalRandom.current().nextInt());
  }

  /** {@code AWSDynamoDB/<exportId>}, below the output directory. */
  public static String exportDir(String exportId) {
    return ROOT + "/" + exportId;
  }

  /** {@code AWSDynamoDB/<exportId>/data/<fileName>}, below the output directory. */
  public static String dataFile(String exportId, String fileName) {
    return exportDir(exportId) + "/data/" + fileName;
  }

  /** The "bucket": the output's URI authority, or null when it has none (a local path). */
  public static String bucket(Path out) {
    String authority = out.toUri().getAuthority();
    return authority == null || authority.isEmpty() ? null : authority;
  }

  /** The output directory's path below its file system's root, or null for the root itself. */
  public static String prefix(Path out) {
    String path = out.toUri().getPath();
    String trimmed = path.replaceAll("^/+", "").replaceAll("/+$", "");
    return trimmed.isEmpty() ? null : trimmed;
  }

  /** The key of {@code relative} (a path below the output directory). */
  public static String key(Path out, String relative) {
    String prefix = prefix(out);
    return prefix == null ? relative : prefix + "/" + relative;
  }
}
