package io.ddbio.importer.layout;

import io.ddbio.backup.DataPipelineManifest;
import io.ddbio.backup.ExportMetadata;
import io.ddbio.backup.HiddenFiles;
import io.ddbio.importer.check.MetadataCheck;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a backup's data is: the files its {@code manifest} names (found where the manifest says or
 * beside it), or else every data file in its directory; with the export's {@code ddbio-export.json}
 * when there is one. Works on any Hadoop file system (file:, hdfs:, s3a:, …).
 *
 * @param directory the backup directory, qualified
 * @param manifest the manifest, when the data files were found through one
 * @param metadata our export metadata, when the backup has it
 * @param dataFiles the data files, in the manifest's order or by name; empty only for a manifest
 *     listing no file
 */
public record BackupLayout(
    Path directory,
    Optional<Path> manifest,
    Optional<ExportMetadata> metadata,
    List<FileStatus> dataFiles)
    implements Layout {
  private static final Logger LOG = LoggerFactory.getLogger(BackupLayout.class);

  /** Written beside a native DynamoDB export's data; its data files are not in this format. */
  private static final String NATIVE_EXPORT_SUMMARY = "manifest-summary.json";

  public BackupLayout {
    dataFiles = List.copyOf(dataFiles);
  }

  /**
   * Finds a backup's data files.
   *
   * @param directory the backup directory
   * @param allowNoManifest whether data files found by listing, with neither a manifest nor {@code
   *     ddbio-export.json} to say they are all, may be imported ({@code --allow-no-manifest})
   * @throws IOException naming the directory, manifest or file at fault: the directory is missing
   *     or not a directory, the manifest or metadata cannot be read or used, a manifest entry is
   *     found nowhere, there are no data files, there are data files but nothing lists them and
   *     {@code allowNoManifest} is false, or the files differ from what the metadata lists
   */
  public static BackupLayout locate(Path directory, Configuration conf, boolean allowNoManifest)
      throws IOException {
    FileSystem fs = directory.getFileSystem(conf);
    FileStatus[] listing;
    Path dir;
    try {
      FileStatus status = fs.getFileStatus(directory);
      if (!status.isDirectory()) {
        throw new IOException(
            "Input "
                + status.getPath()
                + " is a file; give the backup directory that holds the data files (and the"
                + " manifest)");
      }
      dir = status.getPath();
      listing = fs.listStatus(dir);
    } catch (FileNotFoundException e) {
      throw new FileNotFoundException("Input directory " + directory + " does not exist");
    }
    // Listing order is not defined by every file system; name order makes runs repeatable.
    Arrays.sort(listing, Comparator.comparing(s -> s.getPath().getName()));
    Optional<ExportMetadata> metadata = readMetadata(fs, find(listing, ExportMetadata.FILE_NAME));
    Optional<Path> manifest = find(listing, DataPipelineManifest.FILE_NAME);
    List<FileStatus> files =
        manifest.isPresent()
            ? ManifestResolver.resolve(manifest.get(), conf, listing)
            : listDataFiles(dir, listing);
    // An export of an empty table has a manifest listing no file: that restores as 0 items. A
    // directory without a manifest and without data is most likely the wrong directory.
    if (files.isEmpty() && manifest.isEmpty()) {
      throw new IOException(
          "No data files in " + dir + " and no manifest; is this the directory of an export?");
    }
    // Data Pipeline writes the manifest once every data file is written, so data files without
    // one are what an export that never finished looks like: importing them would restore part of
    // a table and report success. Our ddbio-export.json lists every file with its size and
    // checksum, so with it the files are checked even without the manifest.
    if (manifest.isEmpty() && metadata.isEmpty() && !allowNoManifest) {
      throw new IOException(
          "No manifest in "
              + dir
              + ", which holds "
              + files.size()
              + (files.size() == 1 ? " data file" : " data files")
              + ": an unfinished export? Data Pipeline writes the manifest after every data file,"
              + " so without it nothing says these are all the files of the export. If they are"
              + " (a backup that never had a manifest), give --allow-no-manifest to import them");
    }
    if (metadata.isPresent()) {
      MetadataCheck.check(
          metadata.get(),
          new Path(dir, ExportMetadata.FILE_NAME),
          ExportMetadata.DATA_PIPELINE_V3,
          files,
          f -> f.getPath().getName(),
          dir);
    }
    LOG.info(
        "Backup {}: {} data files ({}){}",
        dir,
        files.size(),
        manifest.isPresent() ? "from its manifest" : "by listing, no manifest",
        metadata.isPresent() ? ", with " + ExportMetadata.FILE_NAME : "");
    return new BackupLayout(dir, manifest, metadata, files);
  }

  /**
   * What to tell the user before importing files that nothing lists (no manifest, no {@code
   * ddbio-export.json}): which files are imported, and that their completeness cannot be checked.
   * Empty when the files were checked against a list.
   */
  @Override
  public Optional<String> uncheckedFiles() {
    if (manifest.isPresent() || metadata.isPresent()) {
      return Optional.empty();
    }
    StringBuilder sb =
        new StringBuilder("Warning: no manifest in ")
            .append(directory)
            .append(" (--allow-no-manifest); importing the ")
            .append(dataFiles.size())
            .append(dataFiles.size() == 1 ? " data file" : " data files")
            .append(" found there. Their completeness cannot be checked: nothing records which")
            .append(" files the export wrote, nor how many items they hold. Imported:");
    for (FileStatus f : dataFiles) {
      sb.append("\n  ").append(f.getPath());
    }
    return Optional.of(sb.toString());
  }

  /** The data files' paths, in order. */
  public List<Path> paths() {
    return dataFiles.stream().map(FileStatus::getPath).toList();
  }

  /** A name that is not data: Hadoop's markers ({@code _SUCCESS}) and hidden files. */
  public static boolean isHidden(String name) {
    return HiddenFiles.isHidden(name);
  }

  private static List<FileStatus> listDataFiles(Path dir, FileStatus[] listing) throws IOException {
    List<FileStatus> files = new ArrayList<>();
    for (FileStatus s : listing) {
      String name = s.getPath().getName();
      if (name.equals(NATIVE_EXPORT_SUMMARY)) {
        throw new IOException(
            dir
                + " is a native DynamoDB export (it holds "
                + NATIVE_EXPORT_SUMMARY
                + "); read it with --format dynamodb-json or auto, not as a Data Pipeline export");
      }
      if (s.isDirectory()) {
        LOG.info("Skipping directory {}: data files are read from {} only", s.getPath(), dir);
      } else if (!isHidden(name)
          && !name.equals(DataPipelineManifest.FILE_NAME)
          && !name.equals(ExportMetadata.FILE_NAME)) {
        files.add(s);
      }
    }
    return files;
  }

  private static Optional<Path> find(FileStatus[] listing, String name) {
    for (FileStatus s : listing) {
      if (s.isFile() && s.getPath().getName().equals(name)) {
        return Optional.of(s.getPath());
      }
    }
    return Optional.empty();
  }

  /** Reads our {@code ddbio-export.json} when there is one, in either layout. */
  static Optional<ExportMetadata> readMetadata(FileSystem fs, Optional<Path> file)
      throws IOException {
    if (file.isEmpty()) {
      return Optional.empty();
    }
    try (InputStream in = fs.open(file.get())) {
      return Optional.of(ExportMetadata.read(in, file.get().toString()));
    }
  }
}
