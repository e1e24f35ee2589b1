package io.ddbio.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.backup.DataFileStats;
import io.ddbio.backup.DataPipelineManifest;
import io.ddbio.backup.ExportMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A Data Pipeline export directory as the export tool left it, on any Hadoop file system, with the
 * checks every such directory must pass.
 *
 * @param conf reaches the directory's file system
 * @param dir the directory, fully qualified
 * @param entries the manifest's data files, in its order, as the URLs it gives
 * @param metadata {@code ddbio-export.json}
 */
public record ExportDir(Configuration conf, Path dir, List<Path> entries, ExportMetadata metadata) {
  private static final String SUCCESS = "_SUCCESS";

  /** Reads the manifest and the metadata of the export in {@code dir}. */
  public static ExportDir read(Configuration conf, Path dir) throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    Path qualified = fs.makeQualified(dir);
    List<Path> entries = new ArrayList<>();
    Path manifest = new Path(qualified, DataPipelineManifest.FILE_NAME);
    try (InputStream in = fs.open(manifest)) {
      for (DataPipelineManifest.Entry e : DataPipelineManifest.parse(in, manifest.toString())) {
        assertTrue(e.mandatory(), e.url());
        entries.add(new Path(e.url()));
      }
    }
    Path metadata = new Path(qualified, ExportMetadata.FILE_NAME);
    try (InputStream in = fs.open(metadata)) {
      return new ExportDir(conf, qualified, entries, ExportMetadata.read(in, metadata.toString()));
    }
  }

  /**
   * Asserts that the directory is a complete export of {@code items} items in {@code dataFiles}
   * files: every manifest URL is a file directly in the directory and exists; the directory holds
   * exactly those files, the manifest, the metadata and {@code _SUCCESS}, nothing else at any depth
   * (no data file the manifest leaves out, no attempt's leftovers); the metadata lists the same
   * files in the same order and counts {@code items} items.
   *
   * @param extension what every data file's name ends with ({@code .gz}), or empty
   */
  public void assertComplete(int dataFiles, long items, String extension) throws IOException {
    assertEquals(dataFiles, entries.size(), () -> "data files in the manifest: " + entries);
    List<String> names = new ArrayList<>();
    for (Path entry : entries) {
      assertEquals(dir, entry.getParent(), () -> "a manifest URL outside the export: " + entry);
      assertTrue(entry.getName().endsWith(extension), entry::toString);
      assertTrue(entry.getFileSystem(conf).isFile(entry), () -> "missing: " + entry);
      names.add(entry.getName());
    }
    TreeSet<String> expected = new TreeSet<>(names);
    assertEquals(dataFiles, expected.size(), () -> "a file twice in the manifest: " + names);
    expected.add(DataPipelineManifest.FILE_NAME);
    expected.add(ExportMetadata.FILE_NAME);
    expected.add(SUCCESS);
    assertEquals(
        List.copyOf(expected), ItemFiles.listRecursively(conf, dir), "the files of " + dir);

    assertEquals(names, metadata.files().stream().map(DataFileStats::name).toList());
    assertEquals(items, metadata.itemCount(), "items in " + ExportMetadata.FILE_NAME);
    assertEquals(
        items, metadata.files().stream().mapToLong(DataFileStats::items).sum(), "items per file");
  }

  /** The items of the manifest's files, duplicates kept. */
  public List<Map<String, AttributeValue>> items() throws IOException {
    return ItemFiles.read(conf, entries);
  }
}
