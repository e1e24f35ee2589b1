package io.ddbio.importer.check;

import io.ddbio.backup.DataFileStats;
import io.ddbio.backup.ExportMetadata;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * Checks the data files found against what the export recorded in {@code ddbio-export.json}: the
 * same files by name, each of the recorded size, in the format the layout found is read in. A
 * backup that lost, gained or truncated a file fails here, before anything is written.
 *
 * <p>The metadata names each file by its path below the export's output directory: a Data Pipeline
 * layout's files by their name, a native layout's by {@code AWSDynamoDB/<exportId>/data/<name>}, so
 * the metadata of one native export cannot pass for another's.
 */
public final class MetadataCheck {
  /** Names listed in a message before the rest are only counted. */
  private static final int SHOW = 5;

  private MetadataCheck() {}

  /**
   * @param metadata what the export recorded
   * @param metadataFile where it was read from, for messages
   * @param layoutFormat the {@link ExportMetadata#dataFormat()} of the layout the files were found
   *     in ({@link ExportMetadata#DATA_PIPELINE_V3} or {@link ExportMetadata#DYNAMODB_JSON})
   * @param files the data files found
   * @param recordedName a found file's name as the metadata records it
   * @param dir the backup directory, for messages
   */
  public static void check(
      ExportMetadata metadata,
      Path metadataFile,
      String layoutFormat,
      List<FileStatus> files,
      Function<FileStatus, String> recordedName,
      Path dir)
      throws IOException {
    String where = metadataFile.toString();
    String format = metadata.dataFormat();
    if (ExportMetadata.JSON_LINES.equals(format)) {
      throw new IOException(
          where
              + " says the items are plain JSON (an export with --format json): DynamoDB's types"
              + " are lost in it (sets, binaries, numbers' kind), so it cannot be imported. Import"
              + " from an export in the default format or --format dynamodb-json");
    }
    // Exports older than the field wrote Data Pipeline's format only.
    String recorded = format == null ? ExportMetadata.DATA_PIPELINE_V3 : format;
    if (!recorded.equals(layoutFormat)) {
      throw new IOException(
          where
              + " says the items are written as \""
              + recorded
              + "\", but "
              + dir
              + " is laid out as \""
              + layoutFormat
              + "\"; the metadata belongs to another export");
    }
    Map<String, DataFileStats> listed = new LinkedHashMap<>();
    if (metadata.files() != null) {
      for (DataFileStats f : metadata.files()) {
        listed.put(f.name(), f);
      }
    }
    List<String> unlisted = new ArrayList<>();
    List<String> wrongSize = new ArrayList<>();
    for (FileStatus s : files) {
      DataFileStats stats = listed.remove(recordedName.apply(s));
      if (stats == null) {
        unlisted.add(s.getPath().toString());
      } else if (stats.bytes() != s.getLen()) {
        wrongSize.add(s.getPath() + " is " + s.getLen() + " bytes, recorded as " + stats.bytes());
      }
    }
    List<String> problems = new ArrayList<>();
    if (!listed.isEmpty()) {
      problems.add("files it lists are missing: " + show(new ArrayList<>(listed.keySet())));
    }
    if (!unlisted.isEmpty()) {
      problems.add("files it does not list were found: " + show(unlisted));
    }
    if (!wrongSize.isEmpty()) {
      problems.add("files differ in size (truncated or altered copies?): " + show(wrongSize));
    }
    if (!problems.isEmpty()) {
      throw new IOException(
          "The backup in " + dir + " does not match " + where + ": " + String.join("; ", problems));
    }
  }

  private static String show(List<String> items) {
    String shown = String.join(", ", items.subList(0, Math.min(SHOW, items.size())));
    return items.size() > SHOW ? shown + " and " + (items.size() - SHOW) + " more" : shown;
  }
}
