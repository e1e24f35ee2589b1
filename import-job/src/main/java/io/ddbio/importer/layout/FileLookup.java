package io.ddbio.importer.layout;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Finds the files a manifest names, listing a directory once rather than asking for each of its
 * files. A manifest of 100,000 entries would otherwise cost 100,000 status requests before the job
 * starts, a HEAD each on S3 (about half an hour one after another); listed, it is 100 LIST pages
 * (docs/PERFORMANCE.md, "A 50 TB table"). A directory is listed only when at least {@link
 * #LIST_FROM} of the wanted files are in it, so that two files in a large bucket do not cost a
 * listing of the bucket. Where a listing fails for another reason than the directory's absence (no
 * permission to list, no file system for the scheme), each file is asked for on its own, as before.
 */
final class FileLookup {
  /** Files wanted in one directory from which it is listed instead. */
  static final int LIST_FROM = 16;

  /** A file, or why there is none. */
  record Lookup(Path qualified, FileStatus status, String problem) {}

  private final Configuration conf;
  private final Map<Path, Integer> wanted = new HashMap<>();

  /** Directory → its entries by name; absent: not listed yet; null: not listable. */
  private final Map<Path, Map<String, FileStatus>> listings = new HashMap<>();

  /**
   * @param candidates every path that may be looked up, to count the files wanted per directory
   */
  FileLookup(Configuration conf, List<Path> candidates) {
    this.conf = conf;
    for (Path p : candidates) {
      Path parent = qualifiedParent(p);
      if (parent != null) {
        wanted.merge(parent, 1, Integer::sum);
      }
    }
  }

  /**
   * Takes {@code statuses} as the listing of {@code dir} (qualified), instead of listing it again.
   */
  void listed(Path dir, FileStatus[] statuses) {
    Map<String, FileStatus> byName = new HashMap<>();
    for (FileStatus s : statuses) {
      byName.put(s.getPath().getName(), s);
    }
    listings.put(dir, byName);
  }

  Lookup lookUp(Path path) {
    Path qualified = path;
    try {
      FileSystem fs = path.getFileSystem(conf);
      qualified = fs.makeQualified(path);
      Map<String, FileStatus> listing = listing(fs, qualified.getParent());
      FileStatus s;
      if (listing == null) {
        s = fs.getFileStatus(qualified);
      } else {
        s = listing.get(qualified.getName());
        if (s == null) {
          return new Lookup(qualified, null, "no such file");
        }
      }
      return s.isFile()
          ? new Lookup(qualified, s, null)
          : new Lookup(qualified, null, "it is a directory");
    } catch (FileNotFoundException e) {
      return new Lookup(qualified, null, "no such file");
    } catch (IOException | RuntimeException e) {
      // No file system for the scheme, no access to the original bucket, …: the copy beside the
      // manifest may still be there, so this is not an error yet.
      return new Lookup(qualified, null, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** The directory's files by name, or null to ask for each file on its own. */
  private Map<String, FileStatus> listing(FileSystem fs, Path dir) {
    if (dir != null && listings.containsKey(dir)) {
      return listings.get(dir);
    }
    if (dir == null || wanted.getOrDefault(dir, 0) < LIST_FROM) {
      return null;
    }
    Map<String, FileStatus> byName = new HashMap<>();
    try {
      for (FileStatus s : fs.listStatus(dir)) {
        byName.put(s.getPath().getName(), s);
      }
    } catch (FileNotFoundException e) {
      // No such directory: none of its files is there, which the empty listing says.
    } catch (IOException | RuntimeException e) {
      byName = null;
    }
    listings.put(dir, byName);
    return byName;
  }

  private Path qualifiedParent(Path p) {
    try {
      return p.getFileSystem(conf).makeQualified(p).getParent();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
