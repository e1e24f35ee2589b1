package io.ddbio.importer.layout;

import io.ddbio.backup.ExportMetadata;
import io.ddbio.backup.NativeExportManifest;
import io.ddbio.backup.NativeExportManifest.FileEntry;
import io.ddbio.backup.NativeExportManifest.Summary;
import io.ddbio.importer.check.DataFileCheck;
import io.ddbio.importer.check.MetadataCheck;
import io.ddbio.importer.lines.NativeLineFormat;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a native DynamoDB "Export to S3" is and what its manifests promise: the export directory
 * ({@code AWSDynamoDB/<ExportId>/}), its summary, and each data file with the item count and MD5
 * that {@code manifest-files.json} records for it. Works on any Hadoop file system.
 *
 * <p>Everything that can be checked without reading the data is checked here, before anything is
 * written: the output format, that every listed file exists, and that the files' counts add up to
 * the summary's. The data itself is checked as it is read ({@link DataFileCheck}).
 *
 * @param directory the export directory, qualified
 * @param summary what {@code manifest-summary.json} says
 * @param files the data files, in the order {@code manifest-files.json} lists them
 * @param metadata {@code ddbio-export.json} when the directory holds one (an export by ddbio)
 */
public record NativeExportLayout(
    Path directory, Summary summary, List<DataFile> files, Optional<ExportMetadata> metadata)
    implements Layout {
  private static final Logger LOG = LoggerFactory.getLogger(NativeExportLayout.class);

  /** The folder DynamoDB writes its exports under, one sub-folder per export. */
  static final String EXPORTS_FOLDER = "AWSDynamoDB";

  /**
   * One data file and what the manifest says of it.
   *
   * @param status the file as found
   * @param entry its line of {@code manifest-files.json}
   */
  public record DataFile(FileStatus status, FileEntry entry) {}

  public NativeExportLayout {
    files = List.copyOf(files);
  }

  /**
   * Whether {@code dir} looks like a native export or a prefix above one: it holds {@code
   * manifest-summary.json}, or is or holds an {@code AWSDynamoDB} folder.
   */
  public static boolean isNativeExport(Path dir, Configuration conf) throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    return isFile(fs, new Path(dir, NativeExportManifest.SUMMARY))
        || dir.getName().equals(EXPORTS_FOLDER)
        || isDirectory(fs, new Path(dir, EXPORTS_FOLDER));
  }

  /**
   * Finds a native export at {@code input}: its {@code AWSDynamoDB/<ExportId>} directory, or a
   * prefix holding exactly one export (in {@code <prefix>/AWSDynamoDB/<ExportId>}).
   *
   * @throws IOException naming the path or manifest at fault: nothing there, no export or several,
   *     a format other than {@code DYNAMODB_JSON}, a manifest that cannot be read, a listed file
   *     that is missing or listed twice, or item counts that do not add up
   */
  public static NativeExportLayout locate(Path input, Configuration conf) throws IOException {
    FileSystem fs = input.getFileSystem(conf);
    FileStatus status;
    try {
      status = fs.getFileStatus(input);
    } catch (FileNotFoundException e) {
      throw new FileNotFoundException("Input directory " + input + " does not exist");
    }
    if (!status.isDirectory()) {
      throw new IOException(
          "Input "
              + status.getPath()
              + " is a file; give the export's "
              + EXPORTS_FOLDER
              + "/<ExportId> directory or the prefix above it");
    }
    return read(exportDirectory(fs, status.getPath()), conf);
  }

  /**
   * Reads the export in {@code dir}, which holds {@code manifest-summary.json}.
   *
   * @throws IOException as for {@link #locate}
   */
  public static NativeExportLayout read(Path dir, Configuration conf) throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    Path summaryFile = new Path(dir, NativeExportManifest.SUMMARY);
    Summary summary;
    try (InputStream in = fs.open(summaryFile)) {
      summary = NativeExportManifest.parseSummary(in, summaryFile.toString());
    }
    NativeLineFormat.of(summary.outputFormat(), summaryFile.toString());
    Path filesManifest =
        summary.manifestFilesS3Key() == null
            ? new Path(dir, NativeExportManifest.FILES)
            : inExport(dir, summary.manifestFilesS3Key(), summaryFile + " (manifestFilesS3Key)");
    List<FileEntry> entries;
    try (InputStream in = fs.open(filesManifest)) {
      entries = NativeExportManifest.parseFiles(in, filesManifest.toString());
    } catch (FileNotFoundException e) {
      throw new FileNotFoundException(
          "The native export in " + dir + " has no file list: " + filesManifest + " is missing");
    }
    List<DataFile> files = new ArrayList<>(entries.size());
    Set<Path> seen = new HashSet<>();
    long listed = 0;
    for (int i = 0; i < entries.size(); i++) {
      FileEntry entry = entries.get(i);
      String where = filesManifest + ", entry " + (i + 1) + " (" + entry.dataFileS3Key() + ")";
      Path path = inExport(dir, entry.dataFileS3Key(), where);
      FileStatus file;
      try {
        file = fs.getFileStatus(path);
      } catch (FileNotFoundException e) {
        throw new FileNotFoundException(where + ": " + path + " does not exist");
      }
      if (!file.isFile()) {
        throw new IOException(where + ": " + path + " is not a file");
      }
      if (!seen.add(file.getPath())) {
        throw new IOException(where + ": " + path + " is listed twice");
      }
      files.add(new DataFile(file, entry));
      listed += entry.itemCount();
    }
    if (listed != summary.itemCount()) {
      throw new IOException(
          summaryFile
              + " records "
              + summary.itemCount()
              + " items, but the entries of "
              + filesManifest
              + " add up to "
              + listed
              + "; the manifests do not belong together");
    }
    Optional<Path> metadataFile = metadataFile(fs, dir);
    Optional<ExportMetadata> metadata = BackupLayout.readMetadata(fs, metadataFile);
    if (metadataFile.isPresent()) {
      String exportFolder = EXPORTS_FOLDER + "/" + dir.getName() + "/";
      MetadataCheck.check(
          metadata.get(),
          metadataFile.get(),
          ExportMetadata.DYNAMODB_JSON,
          files.stream().map(DataFile::status).toList(),
          f -> exportFolder + relativeTo(fs.makeQualified(dir), f.getPath()),
          dir);
    }
    LOG.info(
        "Native {} export {}: {} data files, {} items{}",
        summary.incremental() ? "incremental" : "full",
        dir,
        files.size(),
        summary.itemCount(),
        metadataFile.map(f -> ", with " + f).orElse(""));
    return new NativeExportLayout(fs.makeQualified(dir), summary, files, metadata);
  }

  /** The syntax of the export's lines, from its summary's {@code outputFormat}. */
  public NativeLineFormat lineFormat() {
    try {
      return NativeLineFormat.of(summary.outputFormat(), directory.toString());
    } catch (IOException e) {
      // read() has checked the format already.
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Every file is listed in {@code manifest-files.json}: a native export is never unchecked. */
  @Override
  public Optional<String> uncheckedFiles() {
    return Optional.empty();
  }

  /** The data files' statuses, in the manifest's order. */
  public List<FileStatus> statuses() {
    return files.stream().map(DataFile::status).toList();
  }

  /**
   * The export directory at or below {@code dir}: {@code dir} itself when it holds the summary,
   * else the one export in its {@code AWSDynamoDB} folder (or in {@code dir}, when that is the
   * folder).
   */
  private static Path exportDirectory(FileSystem fs, Path dir) throws IOException {
    if (isFile(fs, new Path(dir, NativeExportManifest.SUMMARY))) {
      return dir;
    }
    Path folder = dir.getName().equals(EXPORTS_FOLDER) ? dir : new Path(dir, EXPORTS_FOLDER);
    if (!isDirectory(fs, folder)) {
      throw new IOException(
          dir
              + " is not a native DynamoDB export: it holds neither "
              + NativeExportManifest.SUMMARY
              + " nor an "
              + EXPORTS_FOLDER
              + " folder");
    }
    FileStatus[] listing = fs.listStatus(folder);
    Arrays.sort(listing);
    List<Path> exports = new ArrayList<>();
    List<Path> unfinished = new ArrayList<>();
    for (FileStatus s : listing) {
      if (s.isDirectory()) {
        (isFile(fs, new Path(s.getPath(), NativeExportManifest.SUMMARY)) ? exports : unfinished)
            .add(s.getPath());
      }
    }
    if (exports.size() == 1) {
      return exports.get(0);
    }
    if (exports.isEmpty()) {
      throw new IOException(
          "No finished native export in "
              + folder
              + (unfinished.isEmpty()
                  ? ""
                  : ": " + unfinished + " hold no " + NativeExportManifest.SUMMARY)
              + "; an export still running or one that failed has no summary");
    }
    throw new IOException(
        folder
            + " holds "
            + exports.size()
            + " exports: "
            + exports
            + ". Give the directory of the one to import");
  }

  /**
   * Resolves a key of the export's manifests ({@code [prefix/]AWSDynamoDB/<id>/data/f.json.gz},
   * relative to the bucket written to) against the export directory as it is now: by its part below
   * {@code AWSDynamoDB/<id>/}, so an export copied to another bucket or prefix still reads.
   */
  static Path inExport(Path dir, String key, String where) throws IOException {
    String[] parts = key.split("/", -1);
    int folder = -1;
    for (int i = parts.length - 3; i >= 0; i--) {
      if (parts[i].equals(EXPORTS_FOLDER)) {
        folder = i;
        break;
      }
    }
    if (folder < 0) {
      throw new IOException(
          where + ": the key is not of the form [prefix/]" + EXPORTS_FOLDER + "/<ExportId>/<file>");
    }
    List<String> below = Arrays.asList(parts).subList(folder + 2, parts.length);
    for (String part : below) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw new IOException(where + ": the key has an empty, \".\" or \"..\" part");
      }
    }
    return new Path(dir, String.join("/", below));
  }

  private static boolean isFile(FileSystem fs, Path p) throws IOException {
    try {
      return fs.getFileStatus(p).isFile();
    } catch (FileNotFoundException e) {
      return false;
    }
  }

  private static boolean isDirectory(FileSystem fs, Path p) throws IOException {
    try {
      return fs.getFileStatus(p).isDirectory();
    } catch (FileNotFoundException e) {
      return false;
    }
  }

  /**
   * The export's {@code ddbio-export.json}: in the export directory, or where ddbio writes it, in
   * the output directory two levels up ({@code <out>/AWSDynamoDB/<exportId>}). DynamoDB's own
   * exports have none.
   */
  private static Optional<Path> metadataFile(FileSystem fs, Path dir) throws IOException {
    Path inside = new Path(dir, ExportMetadata.FILE_NAME);
    if (isFile(fs, inside)) {
      return Optional.of(inside);
    }
    Path folder = dir.getParent();
    if (folder == null || !folder.getName().equals(EXPORTS_FOLDER) || folder.getParent() == null) {
      return Optional.empty();
    }
    Path above = new Path(folder.getParent(), ExportMetadata.FILE_NAME);
    return isFile(fs, above) ? Optional.of(above) : Optional.empty();
  }

  /** {@code file}'s path below {@code dir}, which holds it. */
  private static String relativeTo(Path dir, Path file) {
    String base = dir.toUri().getPath();
    String path = file.toUri().getPath();
    return path.substring(base.length()).replaceFirst("^/+", "");
  }
}
