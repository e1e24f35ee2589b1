package io.ddbio.it.bench;

import io.ddbio.it.S3Server;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * The results of a benchmark run, a tab-separated row each, printed as they come and written to a
 * file in the work directory at the end; and the s3proxy the S3 part of a run measures against.
 */
final class BenchTable {
  private final List<String> rows = new ArrayList<>();

  /** Work against an S3 store: the server and a configuration whose {@code s3a://} it serves. */
  interface OnS3 {
    void run(S3Server s3, Configuration conf) throws Exception;
  }

  BenchTable(String header) {
    rows.add(header);
  }

  void add(String row) {
    rows.add(row);
    System.out.println(row);
  }

  /** Writes every row to {@code work/fileName} and to standard output. */
  void write(Path work, String fileName) throws IOException {
    String table = String.join("\n", rows) + "\n";
    Files.writeString(work.resolve(fileName), table, StandardCharsets.UTF_8);
    System.out.print(table);
  }

  /** Runs {@code body} against an s3proxy storing its objects in files below {@code work}. */
  static void onS3proxy(Path work, OnS3 body) throws Exception {
    S3Server s3 = S3Server.start(Files.createTempDirectory(work, "store-"));
    Configuration conf = s3.s3aConf(new Configuration());
    try {
      body.run(s3, conf);
    } finally {
      s3.close(conf);
    }
  }
}
