package io.ddbio.export.verify.backup;

import io.ddbio.backup.DataFileStats;
import io.ddbio.backup.DataPipelineManifest;
import io.ddbio.backup.ExportMetadata;
import io.ddbio.backup.HiddenFiles;
import io.ddbio.export.verify.VerifyReport;
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
import org.apache.hadoop.fs.Path;

/**
 * The data files of a Data Pipeline backup (or a plain JSON one, which has no manifest): those its
 * {@code manifest} lists, joined with what {@code ddbio-export.json} records of them. Reports a
 * missing or unreadable manifest, a manifest and metadata that list different files, and files in
 * the directory that nothing lists.
 */
final class DataPipelineFiles {
  private DataPipelineFiles() {}

  static List<ExpectedFile> list(
      FileSystem fs,
      Path dir,
      Optional<ExportMetadata> metadata,
      boolean withManifest,
      VerifyReport report)
      throws IOException {
    Map<String, DataFileStats> recorded = new LinkedHashMap<>();
    metadata.ifPresent(m -> m.files().forEach(f -> recorded.put(f.name(), f)));
    // A plain JSON export has no manifest by design: ddbio-export.json alone lists its files.
    Optional<List<String>> listed =
        withManifest ? manifestNames(fs, dir, report) : Optional.empty();
    List<String> names = listed.orElse(new ArrayList<>(recorded.keySet()));
    if (listed.isPresent() && metadata.isPresent()) {
      compare(listed.get(), recorded.keySet(), report);
    }
    unlisted(fs, dir, names, report);

    List<ExpectedFile> files = new ArrayList<>();
    for (String name : names) {
      Optional<DataFileStats> stats = Optional.ofNullable(recorded.get(name));
      files.add(
          new ExpectedFile(
              name,
              new Path(dir, name),
              stats.map(s -> OptionalLong.of(s.items())).orElse(OptionalLong.empty()),
              stats,
              Optional.empty()));
    }
    return files;
  }

  /** The file names the manifest lists, or empty when there is no usable manifest. */
  private static Optional<List<String>> manifestNames(FileSystem fs, Path dir, VerifyReport report)
      throws IOException {
    Path manifest = new Path(dir, DataPipelineManifest.FILE_NAME);
    if (!fs.exists(manifest)) {
      report.problem(
          "manifest is missing: Data Pipeline's importers (and ours) find the data through it");
      return Optional.empty();
    }
    List<DataPipelineManifest.Entry> entries;
    try (InputStream in = fs.open(manifest)) {
      entries = DataPipelineManifest.parse(in, manifest.toString());
    } catch (IOException e) {
      report.problem(e.getMessage());
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    Set<String> elsewhere = new TreeSet<>();
    for (DataPipelineManifest.Entry e : entries) {
      Path url = new Path(e.url());
      if (names.contains(url.getName())) {
        report.problem("manifest lists " + url.getName() + " twice");
        continue;
      }
      names.add(url.getName());
      if (!fs.makeQualified(dir).equals(url.getParent())) {
        elsewhere.add(String.valueOf(url.getParent()));
      }
      if (!e.mandatory()) {
        report.problem("manifest entry " + e.url() + " is not mandatory; importers refuse it");
      }
    }
    if (!elsewhere.isEmpty()) {
      report.note(
          "manifest URLs point to "
              + elsewhere
              + "; the files beside the manifest are checked (a copied backup)");
    }
    report.ok("manifest lists " + FileCheck.count(names.size()) + " data files");
    return Optional.of(names);
  }

  private static void compare(List<String> listed, Set<String> recorded, VerifyReport report) {
    Set<String> onlyManifest = new TreeSet<>(listed);
    onlyManifest.removeAll(recorded);
    Set<String> onlyMetadata = new TreeSet<>(recorded);
    onlyMetadata.removeAll(listed);
    if (onlyManifest.isEmpty() && onlyMetadata.isEmpty()) {
      report.ok(ExportMetadata.FILE_NAME + " records the same files as the manifest");
      return;
    }
    if (!onlyManifest.isEmpty()) {
      report.problem(
          "the manifest lists files " + ExportMetadata.FILE_NAME + " does not: " + onlyManifest);
    }
    if (!onlyMetadata.isEmpty()) {
      report.problem(
          ExportMetadata.FILE_NAME + " records files the manifest does not list: " + onlyMetadata);
    }
  }

  private static void unlisted(FileSystem fs, Path dir, List<String> names, VerifyReport report)
      throws IOException {
    Set<String> extra = new TreeSet<>();
    for (FileStatus s : fs.listStatus(dir)) {
      String name = s.getPath().getName();
      if (HiddenFiles.isHidden(name)
          || name.equals(DataPipelineManifest.FILE_NAME)
          || name.equals(ExportMetadata.FILE_NAME)) {
        continue;
      }
      if (s.isDirectory()) {
        report.note(name + "/ is a directory; an export has none, and importers ignore it");
      } else if (!names.contains(name)) {
        extra.add(name);
      }
    }
    if (!extra.isEmpty()) {
      report.problem(
          "files the manifest does not list (an importer that lists the directory would load them): "
              + extra);
    }
  }
}
