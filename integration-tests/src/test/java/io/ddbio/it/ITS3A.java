package io.ddbio.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testing.LocalJobs;
import io.ddbio.testkit.PkSkTables;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.GzipCodec;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * S3A against s3proxy on loopback: plain file system calls, then a table to gzip-compressed lines
 * in a bucket and back into a fresh table, with jobs on LocalJobRunner.
 *
 * <p>DynamoDB Local runs in a JVM of its own here too: this module's class path has the
 * minicluster's Jetty 9 jars where DynamoDB Local would need Jetty 12.
 */
class ITS3A {
  private static final int ITEMS = 1_500;
  private static final int SEGMENTS = 4;

  /** The smallest part size S3 accepts; files above it go up in several parts. */
  private static final int PART_BYTES = 5 * 1024 * 1024;

  @TempDir static java.nio.file.Path work;

  @RegisterExtension static final LocalDynamoDb ddb = LocalDynamoDb.inOwnJvm();

  private static S3Server s3;

  /**
   * One configuration for the whole class: Hadoop caches the bucket's S3A file system with the
   * settings of the first configuration that opened it, scratch directory included.
   */
  private static Configuration conf;

  @BeforeAll
  static void start() {
    s3 = S3Server.start();
    conf = s3.s3aConf(LocalJobs.conf(work, 2));
    // Multipart uploads from 5 MiB on, so that the larger file goes up in parts.
    conf.setLong("fs.s3a.multipart.size", PART_BYTES);
    conf.setLong("fs.s3a.multipart.threshold", PART_BYTES);
  }

  @AfterAll
  static void stop() throws IOException {
    if (s3 != null) {
      s3.close(conf);
    }
  }

  @Test
  void filesGoUpAndComeBackThroughTheFileSystemApi() throws IOException {
    Path dir = s3.path("fsapi");
    FileSystem fs = dir.getFileSystem(conf);

    byte[] small = "one line\nanother line\n".getBytes(StandardCharsets.UTF_8);
    byte[] large = new byte[2 * PART_BYTES + 12_345];
    new Random(5).nextBytes(large);
    write(fs, new Path(dir, "small.txt"), small);
    write(fs, new Path(dir, "empty"), new byte[0]);
    write(fs, new Path(dir, "sub/large.bin"), large);

    assertArrayEquals(small, read(fs, new Path(dir, "small.txt")));
    assertArrayEquals(new byte[0], read(fs, new Path(dir, "empty")));
    assertArrayEquals(large, read(fs, new Path(dir, "sub/large.bin")));
    assertEquals(large.length, fs.getFileStatus(new Path(dir, "sub/large.bin")).getLen());
    assertEquals(
        List.of("empty", "small.txt", "sub/large.bin"), ItemFiles.listRecursively(conf, dir));
    assertEquals(List.of("empty", "small.txt", "sub"), names(fs.listStatus(dir)));

    // Rename is copy and delete on S3: what FileOutputCommitter does when it commits a task.
    assertTrue(fs.rename(new Path(dir, "sub"), new Path(dir, "moved")));
    assertArrayEquals(large, read(fs, new Path(dir, "moved/large.bin")));
    assertFalse(fs.exists(new Path(dir, "sub/large.bin")));

    assertTrue(fs.delete(dir, true));
    assertFalse(fs.exists(dir));
  }

  @Test
  void tableToGzipLinesInABucketAndBack() throws Exception {
    List<Map<String, AttributeValue>> source =
        PkSkTables.createAndFill(ddb.client(), "s3_source", ITEMS, 45);
    Path out = s3.path("exports/s3_source");

    Job export = CopyJobs.tableToLines(conf, ddb.endpoint(), "s3_source", SEGMENTS, out);
    FileOutputFormat.setCompressOutput(export, true);
    FileOutputFormat.setOutputCompressorClass(export, GzipCodec.class);
    JobRun exported = JobRun.succeed(export);
    assertEquals(
        List.of(
            "_SUCCESS", "part-m-00000.gz", "part-m-00001.gz", "part-m-00002.gz", "part-m-00003.gz"),
        ItemFiles.listRecursively(conf, out));
    List<Map<String, AttributeValue>> read = ItemFiles.readParts(conf, out);
    assertEquals(ITEMS, read.size(), "lines in the bucket, counting duplicates");
    PkSkTables.assertSameItems(source, read);
    assertEquals(ITEMS, exported.counter(DdbioCounter.ITEMS_READ));
    assertEquals(SEGMENTS, exported.counter(TaskPlacement.TASKS));

    PkSkTables.create(ddb.client(), "s3_target");
    JobRun load = JobRun.succeed(CopyJobs.linesToTable(conf, ddb.endpoint(), out, "s3_target"));
    List<Map<String, AttributeValue>> stored = Tables.scanAll(ddb.client(), "s3_target");
    assertEquals(ITEMS, stored.size());
    PkSkTables.assertSameItems(source, stored);
    // Gzip files cannot be split: one map task per file.
    assertEquals(SEGMENTS, load.counter(TaskPlacement.TASKS));
    assertEquals(ITEMS, load.counter(DdbioCounter.ITEMS_WRITTEN));
  }

  private static void write(FileSystem fs, Path file, byte[] bytes) throws IOException {
    try (FSDataOutputStream out = fs.create(file, false)) {
      out.write(bytes);
    }
  }

  private static byte[] read(FileSystem fs, Path file) throws IOException {
    try (FSDataInputStream in = fs.open(file)) {
      return in.readAllBytes();
    }
  }

  private static List<String> names(FileStatus[] statuses) {
    return Arrays.stream(statuses).map(s -> s.getPath().getName()).sorted().toList();
  }
}
