package io.ddbio.importer.layout;

import io.ddbio.backup.DataPipelineManifest;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a manifest's entries into data files. Each URL is read where it points; when nothing is
 * there (or its file system is not available, as {@code s3://} without EMRFS) a file of the same
 * name beside the manifest is read instead, so a backup copied to another bucket or cluster
 * restores without editing its manifest. Every entry must be found: a manifest problem is never
 * skipped.
 */
final class ManifestResolver {
  private static final Logger LOG = LoggerFactory.getLogger(ManifestResolver.class);

  private ManifestResolver() {}

  /**
   * Reads {@code manifest} and finds each file it lists.
   *
   * @param besideManifest the listing of the manifest's directory, already made: a copied backup's
   *     files are there, and on a store where a listing costs time in proportion to the files, a
   *     second listing would double the planning
   * @return the files, in the manifest's order
   * @throws IOException naming the manifest: it cannot be read or parsed, an entry is not
   *     mandatory, a URL is invalid or found nowhere, or two entries are the same file
   */
  static List<FileStatus> resolve(Path manifest, Configuration conf, FileStatus[] besideManifest)
      throws IOException {
    List<DataPipelineManifest.Entry> entries = read(manifest, conf);
    Path dir = manifest.getParent();
    FileLookup lookup = new FileLookup(conf, candidates(entries, dir));
    lookup.listed(dir, besideManifest);
    List<FileStatus> files = new ArrayList<>(entries.size());
    Set<Path> seen = new HashSet<>();
    int besideCount = 0;
    for (int i = 0; i < entries.size(); i++) {
      DataPipelineManifest.Entry entry = entries.get(i);
      String where = "Manifest " + manifest + ", entry " + (i + 1) + " (" + entry.url() + ")";
      if (!entry.mandatory()) {
        // Skipping a file the export may have written is a silent loss; importing one it may not
        // have finished is worse. Either way a person has to decide.
        throw new IOException(
            where
                + ": the entry is not mandatory; only manifests whose entries are all mandatory"
                + " (as Data Pipeline writes them) are read");
      }
      Path url = url(entry.url(), dir, where);
      FileLookup.Lookup atUrl = lookup.lookUp(url);
      FileStatus found = atUrl.status();
      if (found == null) {
        Path beside = new Path(dir, url.getName());
        if (beside.equals(atUrl.qualified())) {
          throw new FileNotFoundException(where + ": not found (" + atUrl.problem() + ")");
        }
        FileLookup.Lookup besideLookup = lookup.lookUp(beside);
        if (besideLookup.status() == null) {
          throw new FileNotFoundException(
              where
                  + ": found neither at that URL ("
                  + atUrl.problem()
                  + ") nor beside the manifest as "
                  + besideLookup.qualified()
                  + " ("
                  + besideLookup.problem()
                  + ")");
        }
        found = besideLookup.status();
        besideCount++;
        LOG.debug("{}: read from {} ({} at the URL)", where, found.getPath(), atUrl.problem());
      }
      if (!seen.add(found.getPath())) {
        throw new IOException(where + ": " + found.getPath() + " is listed twice");
      }
      files.add(found);
    }
    if (besideCount > 0) {
      LOG.info(
          "Manifest {}: {} of {} files read beside the manifest, not at their URLs (a copied"
              + " backup)",
          manifest,
          besideCount,
          entries.size());
    }
    return files;
  }

  private static List<DataPipelineManifest.Entry> read(Path manifest, Configuration conf)
      throws IOException {
    FileSystem fs = manifest.getFileSystem(conf);
    try (InputStream in = fs.open(manifest)) {
      return DataPipelineManifest.parse(in, manifest.toString());
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().contains(manifest.toString())) {
        throw e;
      }
      throw new IOException("Cannot read manifest " + manifest + ": " + e, e);
    }
  }

  /** The entry's URL as a path; a relative one is taken to be beside the manifest. */
  private static Path url(String url, Path dir, String where) throws IOException {
    Path p;
    try {
      p = new Path(url);
    } catch (IllegalArgumentException e) {
      throw new IOException(where + ": not a valid URL (" + e.getMessage() + ")", e);
    }
    return p.toUri().isAbsolute() || p.isAbsolute() ? p : new Path(dir, p);
  }

  /**
   * Every path an entry may be looked up at: its URL and the file of its name beside the manifest.
   * A URL that is not valid is left to the loop, which names the entry.
   */
  private static List<Path> candidates(List<DataPipelineManifest.Entry> entries, Path dir) {
    List<Path> paths = new ArrayList<>(2 * entries.size());
    for (DataPipelineManifest.Entry entry : entries) {
      try {
        Path url = url(entry.url(), dir, entry.url());
        paths.add(url);
        paths.add(new Path(dir, url.getName()));
      } catch (IOException e) {
        // Reported by the loop, with the entry's number.
      }
    }
    return paths;
  }
}
