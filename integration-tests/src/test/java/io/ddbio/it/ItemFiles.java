package io.ddbio.it;

import io.ddbio.item.DataPipelineCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads files of Data Pipeline lines back, on any Hadoop file system. */
public final class ItemFiles {
  private ItemFiles() {}

  /**
   * The items in the {@code part-*} files directly under {@code dir}, decompressed by file
   * extension, in no particular order; duplicates are kept so that callers can count them.
   */
  public static List<Map<String, AttributeValue>> readParts(Configuration conf, Path dir)
      throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    List<Path> parts = new ArrayList<>();
    for (FileStatus part : fs.listStatus(dir, p -> p.getName().startsWith("part-"))) {
      parts.add(part.getPath());
    }
    return read(conf, parts);
  }

  /**
   * The items in {@code files}, each decompressed by its extension, in their order; duplicates are
   * kept.
   */
  public static List<Map<String, AttributeValue>> read(Configuration conf, List<Path> files)
      throws IOException {
    CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
    DataPipelineCodec codec = new DataPipelineCodec();
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (Path file : files) {
      FileSystem fs = file.getFileSystem(conf);
      CompressionCodec compression = codecs.getCodec(file);
      try (InputStream raw = fs.open(file);
          InputStream in = compression == null ? raw : compression.createInputStream(raw);
          BufferedReader lines =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          items.add(codec.decode(line));
        }
      }
    }
    return items;
  }

  /** Every file under {@code dir}, recursively, as paths relative to it ({@code a/b/part-m-0}). */
  public static List<String> listRecursively(Configuration conf, Path dir) throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    Path root = fs.makeQualified(dir);
    List<String> files = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
    while (it.hasNext()) {
      String path = it.next().getPath().toUri().getPath();
      files.add(path.substring(root.toUri().getPath().length() + 1));
    }
    files.sort(null);
    return files;
  }
}
