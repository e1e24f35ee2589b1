package io.ddbio.export;

import io.ddbio.backup.DataFileStats;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The check that ends a merge: the visible files of the output directory are exactly the data files
 * the committed tasks reported, no more (a file nobody counted) and no fewer (a count with no
 * file).
 */
final class PublishedFiles {
  private PublishedFiles() {}

  /**
   * @param reported the stats of the committed data files
   * @return the stats, sorted by file name (the manifest's order)
   * @throws IOException naming the files that are in the directory without stats, the stats without
   *     a file, or a file reported twice
   */
  static List<DataFileStats> check(FileSystem fs, Path out, List<DataFileStats> reported)
      throws IOException {
    Map<String, DataFileStats> byName = new TreeMap<>();
    for (DataFileStats s : reported) {
      if (byName.put(s.name(), s) != null) {
        throw new IOException("Data file " + s.name() + " was reported by two committed tasks");
      }
    }
    Set<String> present = new TreeSet<>();
    for (FileStatus f : fs.listStatus(out)) {
      String name = f.getPath().getName();
      if (DataFileNames.isVisible(name)) {
        present.add(name);
      }
    }
    Set<String> unreported = new TreeSet<>(present);
    unreported.removeAll(byName.keySet());
    Set<String> missing = new TreeSet<>(byName.keySet());
    missing.removeAll(present);
    if (!unreported.isEmpty() || !missing.isEmpty()) {
      throw new IOException(
          "The committed output in "
              + out
              + " does not match what its tasks reported: files without stats "
              + unreported
              + ", stats without a file "
              + missing);
    }
    List<DataFileStats> sorted = new ArrayList<>(byName.values());
    sorted.sort(Comparator.comparing(DataFileStats::name));
    return sorted;
  }
}
