package io.ddbio.export;

import io.ddbio.dynamodb.TableIdentifiers;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.hadoop.fs.Path;

/**
 * Where a table's export goes, given the command line's {@code <outputDir>}:
 *
 * <ul>
 *   <li>one table: {@code <outputDir>} itself, as always;
 *   <li>several tables: {@code <outputDir>/<table>}, each a complete export of its own;
 *   <li>the root of a bucket ({@code s3a://bucket}, {@code s3a://bucket/}, also {@code s3://}), for
 *       one table or several: {@code <bucket>/<region>/<table>/<yyyy-MM-dd-HH-mm-ss>}, the folder
 *       the console's export template named. An export never writes the bucket's root itself: it
 *       must be a new directory, and a bucket is never one.
 * </ul>
 *
 * The folder is named by the table's name, also when the table is given by its ARN (whose slash and
 * colons would make a path of their own).
 */
final class ExportDirectories {
  /** The time in the folder's name, as Data Pipeline's templates format it, in UTC. */
  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final Set<String> S3_SCHEMES = Set.of("s3", "s3a", "s3n");

  private ExportDirectories() {}

  /** Whether {@code dir} is a bucket's root: an S3 URI with a bucket and no key. */
  static boolean isBucketRoot(String dir) {
    URI uri = new Path(dir).toUri();
    return uri.getScheme() != null
        && S3_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
        && uri.getAuthority() != null
        && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"));
  }

  /**
   * The directory {@code table}'s export goes to.
   *
   * @param outputDir the command line's {@code <outputDir>}
   * @param table the table, by name or ARN
   * @param several whether the command line names several tables
   * @param region the region of the client, asked only for a bucket's root
   * @param start when the command started: several tables' folders carry the same time
   */
  static String of(
      String outputDir, String table, boolean several, Supplier<String> region, Instant start) {
    String name = TableIdentifiers.nameOf(table);
    if (isBucketRoot(outputDir)) {
      return new Path(
              new Path(outputDir), region.get() + "/" + name + "/" + TIMESTAMP.format(start))
          .toString();
    }
    return several ? new Path(new Path(outputDir), name).toString() : outputDir;
  }
}
