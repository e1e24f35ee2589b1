package io.ddbio.importer;

import io.ddbio.backup.DataFileStats;
import io.ddbio.backup.ExportMetadata;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * Checks the data files found against what the export recorded in {@code ddbio-export.json}: the
 * same files by name, each of the recorded size, in a format this import reads. A backup that lost,
 * gained or truncated a file fails here, before anything is written.
 */
final class MetadataCheck {
  /** Names listed in a message before the rest are only counted. */
  private static final int SHOW = 5;

  private MetadataCheck() {}

  static void check(ExportMetadata metadata, List<FileStatus> files, Path dir) throws IOException {
    String where = new Path(dir, ExportMetadata.FILE_NAME).toString();
    String format = metadata.dataFormat();
    if (ExportMetadata.JSON_LINES.equals(format)) {
      throw new IOException(
          where
              + " says the items are plain JSON (an export with --format json): DynamoDB's types"
              + " are lost in it (sets, binaries, numbers' kind), so it cannot be imported. Import"
              + " from an export in the default format or --format dynamodb-json");
    }
    if (format != null && !format.equals(ExportMetadata.DATA_PIPELINE_V3)) {
      throw new IOException(
          where
              + " says the items are written as \""
              + format
              + "\"; this import reads \""
              + ExportMetadata.DATA_PIPELINE_V3
              + "\" only");
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
      DataFileStats recorded = listed.remove(s.getPath().getName());
      if (recorded == null) {
        unlisted.add(s.getPath().toString());
      } else if (recorded.bytes() != s.getLen()) {
        wrongSize.add(
            s.getPath() + " is " + s.getLen() + " bytes, recorded as " + recorded.bytes());
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
