package io.ddbio.export.verify.backup;

import io.ddbio.backup.DataFileStats;
import io.ddbio.backup.ExportMetadata;
import io.ddbio.backup.NativeExportManifest;
import io.ddbio.export.layout.NativeLayout;
import io.ddbio.export.verify.VerifyReport;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The data files of a backup in the native layout ({@code AWSDynamoDB/<id>/}): those its {@code
 * manifest-files.json} lists, with their item counts and MD5s, joined with what {@code
 * ddbio-export.json} records when the export is ours. Works for DynamoDB's own exports too, given
 * the directory above {@code AWSDynamoDB/} or the export's own directory.
 *
 * <p>A manifest names files by key (relative to the bucket); each is looked for by the part of its
 * key from {@code AWSDynamoDB/<id>/} on, below the directory verified, so a copied export is
 * checked where it is now. Each manifest is compared with the checksum file DynamoDB writes beside
 * it ({@link ManifestChecksums}); a data file is checked by its {@code md5Checksum}, and by its
 * {@code etag} only when that is a single-part upload's ({@link S3Etags}).
 *
 * @param files the listed data files
 * @param summaryItems the summary's {@code itemCount}, when it could be read
 */
record NativeFiles(List<ExpectedFile> files, OptionalLong summaryItems) {
  private static final NativeFiles NONE = new NativeFiles(List.of(), OptionalLong.empty());

  static NativeFiles list(
      FileSystem fs, Path dir, Optional<ExportMetadata> metadata, VerifyReport report)
      throws IOException {
    Optional<Path> found = exportDir(fs, dir, metadata, report);
    if (found.isEmpty()) {
      return NONE;
    }
    Path exportDir = found.get();
    String id = exportDir.getName();
    String base = NativeLayout.ROOT + "/" + id + "/";
    if (!fs.exists(new Path(exportDir, NativeLayout.STARTED))) {
      report.note(base + NativeLayout.STARTED + " is missing");
    }

    NativeExportManifest.Summary summary;
    List<NativeExportManifest.FileEntry> entries;
    try {
      Path summaryFile = new Path(exportDir, NativeExportManifest.SUMMARY);
      Path filesFile = new Path(exportDir, NativeExportManifest.FILES);
      byte[] summaryBytes = readManifest(fs, summaryFile);
      byte[] filesBytes = readManifest(fs, filesFile);
      ManifestChecksums.check(fs, summaryFile, summaryBytes, report);
      ManifestChecksums.check(fs, filesFile, filesBytes, report);
      summary =
          NativeExportManifest.parseSummary(
              new ByteArrayInputStream(summaryBytes), summaryFile.toString());
      entries =
          NativeExportManifest.parseFiles(
              new ByteArrayInputStream(filesBytes), filesFile.toString());
    } catch (IOException e) {
      report.problem(e.getMessage());
      return NONE;
    }
    if (!NativeExportManifest.DYNAMODB_JSON.equals(summary.outputFormat())
        || summary.incremental()) {
      report.problem(
          "the export's output is "
              + summary.outputFormat()
              + (summary.incremental() ? " (incremental)" : "")
              + "; verify reads full DYNAMODB_JSON exports");
      return NONE;
    }
    String filesKey = summary.manifestFilesS3Key();
    if (filesKey != null && !filesKey.endsWith(base + NativeExportManifest.FILES)) {
      report.problem("manifest-summary.json's manifestFilesS3Key names another file: " + filesKey);
    }

    Map<String, DataFileStats> recorded = new LinkedHashMap<>();
    metadata.ifPresent(m -> m.files().forEach(f -> recorded.put(f.name(), f)));
    List<ExpectedFile> files = new ArrayList<>();
    Set<String> prefixes = new TreeSet<>();
    long listedItems = 0;
    for (NativeExportManifest.FileEntry e : entries) {
      String key = e.dataFileS3Key();
      int at = key.indexOf(base);
      if (at < 0 || (at > 0 && key.charAt(at - 1) != '/')) {
        report.problem("manifest-files.json names a file outside " + base + ": " + key);
        continue;
      }
      prefixes.add(at == 0 ? "" : key.substring(0, at - 1));
      String name = key.substring(at);
      Optional<DataFileStats> stats = Optional.ofNullable(recorded.remove(name));
      files.add(
          new ExpectedFile(
              name,
              new Path(exportDir, key.substring(at + base.length())),
              OptionalLong.of(e.itemCount()),
              stats,
              Optional.of(e.md5Checksum())));
      listedItems += e.itemCount();
    }
    report.ok("manifest-files.json lists " + FileCheck.count(files.size()) + " data files");
    long multipart =
        entries.stream().filter(e -> e.etag() != null && S3Etags.multipart(e.etag())).count();
    if (multipart > 0) {
      report.note(
          FileCheck.count(multipart)
              + " of them have the etag of a multipart upload (<hex>-<parts>), which is not the"
              + " file's MD5 and is not compared; their md5Checksum is");
    }
    if (metadata.isPresent()) {
      if (recorded.isEmpty()) {
        report.ok(ExportMetadata.FILE_NAME + " records the same files");
      } else {
        report.problem(
            ExportMetadata.FILE_NAME
                + " records files manifest-files.json does not list: "
                + recorded.keySet());
      }
    }
    if (listedItems != summary.itemCount()) {
      report.problem(
          "manifest-summary.json counts "
              + FileCheck.count(summary.itemCount())
              + " items, manifest-files.json "
              + FileCheck.count(listedItems));
    }
    String here = NativeLayout.prefix(fs.makeQualified(exportDir).getParent().getParent());
    if (!prefixes.isEmpty() && !prefixes.equals(Set.of(here == null ? "" : here))) {
      report.note(
          "the manifest's keys start with "
              + prefixes
              + "; the files below "
              + dir
              + " are checked (a moved or copied export)");
    }
    unlisted(fs, new Path(exportDir, "data"), files, report);
    return new NativeFiles(files, OptionalLong.of(summary.itemCount()));
  }

  /**
   * The export's own directory: {@code dir} itself when it holds a summary, else the one export
   * below {@code dir/AWSDynamoDB/} (the metadata's when it names one).
   */
  private static Optional<Path> exportDir(
      FileSystem fs, Path dir, Optional<ExportMetadata> metadata, VerifyReport report)
      throws IOException {
    if (fs.exists(new Path(dir, NativeExportManifest.SUMMARY))) {
      return Optional.of(dir);
    }
    Path root = new Path(dir, NativeLayout.ROOT);
    List<String> ids = new ArrayList<>();
    try {
      for (FileStatus s : fs.listStatus(root)) {
        if (s.isDirectory()) {
          ids.add(s.getPath().getName());
        }
      }
    } catch (FileNotFoundException e) {
      report.problem(NativeLayout.ROOT + "/ is missing");
      return Optional.empty();
    }
    Optional<String> recorded =
        metadata.flatMap(m -> m.files().stream().findFirst()).map(f -> f.name().split("/")[1]);
    if (recorded.isPresent()) {
      if (!ids.contains(recorded.get())) {
        report.problem(NativeLayout.ROOT + "/" + recorded.get() + "/ is missing");
        return Optional.empty();
      }
      return Optional.of(new Path(root, recorded.get()));
    }
    if (ids.size() != 1) {
      report.problem(
          NativeLayout.ROOT
              + "/ holds "
              + ids.size()
              + " exports "
              + ids
              + "; verify one by giving its directory, "
              + NativeLayout.ROOT
              + "/<id>");
      return Optional.empty();
    }
    return Optional.of(new Path(root, ids.get(0)));
  }

  private static void unlisted(
      FileSystem fs, Path data, List<ExpectedFile> files, VerifyReport report) throws IOException {
    if (!fs.exists(data)) {
      return;
    }
    Set<Path> listed = new TreeSet<>();
    files.forEach(f -> listed.add(fs.makeQualified(f.path())));
    Set<String> extra = new TreeSet<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(data, true);
    while (it.hasNext()) {
      Path p = it.next().getPath();
      if (!p.getName().startsWith(".") && !listed.contains(fs.makeQualified(p))) {
        extra.add(p.getName());
      }
    }
    if (!extra.isEmpty()) {
      report.problem(
          "data/ holds files manifest-files.json does not list (Import from S3 would load them): "
              + extra);
    }
  }

  /** A manifest's bytes, read once: parsed, and compared with its checksum file. */
  private static byte[] readManifest(FileSystem fs, Path path) throws IOException {
    try (InputStream in = fs.open(path)) {
      return in.readAllBytes();
    } catch (FileNotFoundException e) {
      throw new FileNotFoundException(path.getName() + " is missing");
    }
  }
}
