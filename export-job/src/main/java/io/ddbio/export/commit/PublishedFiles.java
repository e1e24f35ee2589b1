package io.ddbio.export.commit;

import io.ddbio.export.layout.DataFileNames;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What ends a job commit before the index files are written: the visible files below the output
 * directory, at any depth, become exactly the data files the committed tasks reported. A visible
 * file that no committed task reported was written by an attempt that failed, was killed or lost a
 * speculative race (every attempt writes a name of its own, {@link
 * io.ddbio.export.layout.DataFileNames}): it is deleted, so a completed export holds no unlisted
 * data file. A reported file that is not there fails the commit. A file is visible unless a part of
 * its path below the output directory starts with {@code _} or {@code .} (Hadoop's rule for markers
 * and side files).
 */
final class PublishedFiles {
  private static final Logger LOG = LoggerFactory.getLogger(PublishedFiles.class);

  private PublishedFiles() {}

  /**
   * @param out the output directory, qualified
   * @param reported the committed data files, named by their path below {@code out}
   * @return the reported files, sorted by name (the manifests' order)
   * @throws IOException naming the stats without a file, or a file reported twice, or a file that
   *     could not be deleted
   */
  static List<WrittenFile> reconcile(FileSystem fs, Path out, List<WrittenFile> reported)
      throws IOException {
    Map<String, WrittenFile> byName = new TreeMap<>();
    for (WrittenFile f : reported) {
      if (byName.put(f.name(), f) != null) {
        throw new IOException("Data file " + f.name() + " was reported by two committed tasks");
      }
    }
    Set<String> present = visibleFiles(fs, out);
    Set<String> missing = new TreeSet<>(byName.keySet());
    missing.removeAll(present);
    if (!missing.isEmpty()) {
      throw new IOException(
          "The committed output in "
              + out
              + " does not match what its tasks reported: stats without a file "
              + missing);
    }
    Set<String> unreported = new TreeSet<>(present);
    unreported.removeAll(byName.keySet());
    for (String name : unreported) {
      Path stray = new Path(out, name);
      LOG.info("Deleting {}, written by a task attempt that did not commit", stray);
      if (!fs.delete(stray, false) && fs.exists(stray)) {
        throw new IOException("Could not delete " + stray + ", which no committed task reported");
      }
    }
    List<WrittenFile> sorted = new ArrayList<>(byName.values());
    sorted.sort(Comparator.comparing(WrittenFile::name));
    return sorted;
  }

  /**
   * Paths below {@code dir} of its visible files, at any depth. Hidden directories (the commit's
   * own records among them) are not entered, and the listing asks for no block locations: on the
   * local file system without Hadoop's native library, each located status forks a process to read
   * the file's permissions, which made a commit of 10,000 task outputs take two minutes.
   */
  static Set<String> visibleFiles(FileSystem fs, Path dir) throws IOException {
    Set<String> files = new TreeSet<>();
    String base = fs.makeQualified(dir).toUri().getPath().replaceAll("/+$", "") + "/";
    Deque<Path> dirs = new ArrayDeque<>();
    dirs.push(dir);
    while (!dirs.isEmpty()) {
      RemoteIterator<FileStatus> it = fs.listStatusIterator(dirs.pop());
      while (it.hasNext()) {
        FileStatus status = it.next();
        String path = status.getPath().toUri().getPath();
        if (!path.startsWith(base)) {
          throw new IOException("Listing " + dir + " returned " + path + ", which is not below it");
        }
        if (!DataFileNames.isVisible(status.getPath().getName())) {
          continue;
        }
        if (status.isDirectory()) {
          dirs.push(status.getPath());
        } else {
          files.add(path.substring(base.length()));
        }
      }
    }
    return files;
  }
}
