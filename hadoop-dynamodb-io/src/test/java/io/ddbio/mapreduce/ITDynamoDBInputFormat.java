package io.ddbio.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.item.DataPipelineCodec;
import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testing.LineJobs;
import io.ddbio.testing.LocalJobs;
import io.ddbio.testkit.PkSkTables;
import io.ddbio.testkit.items.ItemEquivalence;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A MapReduce job on LocalJobRunner reads a 10,000-item DynamoDB Local table through {@link
 * DynamoDBInputFormat} in 8 segments, 4 map tasks at a time, and sees every item exactly once.
 */
class ITDynamoDBInputFormat {
  private static final int ITEMS = 10_000;
  private static final String TABLE = "InputFormatSource";

  @RegisterExtension static final LocalDynamoDb ddb = LocalDynamoDb.started();

  private static List<Map<String, AttributeValue>> source;

  @BeforeAll
  static void fillTable() {
    source = PkSkTables.createAndFill(ddb.client(), TABLE, ITEMS, 7);
  }

  @Test
  void everyItemExactlyOnce(@TempDir Path tmp) throws Exception {
    Configuration conf = LocalJobs.conf(tmp, 4);
    DynamoDBJobs.setInputTable(conf, TABLE, 1.0);
    DynamoDBJobs.setEndpoint(conf, ddb.endpoint().toString(), "us-east-1");
    conf.setInt("dynamodb.scan.segments", 8);
    conf.setInt("dynamodb.max.map.tasks", 4);
    conf.setInt("dynamodb.scan.page.limit", 500);
    conf.setDouble("dynamodb.throughput.read", 100_000);

    Job job = Job.getInstance(conf, "read " + TABLE);
    Path out = tmp.resolve("out");
    LineJobs.tableToLines(
        job, LineJobs.ItemsToLines.class, new org.apache.hadoop.fs.Path(out.toUri()));
    assertTrue(job.waitForCompletion(false), "job failed");

    List<Map<String, AttributeValue>> read = readLines(out);
    assertEquals(ITEMS, read.size(), "items read, counting duplicates");
    ItemEquivalence.assertSameItems(source, read, List.of("pk", "sk"));

    var counters = job.getCounters();
    assertEquals(ITEMS, counters.findCounter(DdbioCounter.ITEMS_READ).getValue());
    assertEquals(8, counters.findCounter(DdbioCounter.SEGMENTS_COMPLETED).getValue());
    assertTrue(counters.findCounter(DdbioCounter.READ_CAPACITY_MILLIUNITS).getValue() > 0);
    try (Stream<Path> parts = Files.list(out)) {
      assertEquals(
          4, parts.filter(p -> p.getFileName().toString().startsWith("part-m-")).count(), "splits");
    }
    List<String> prefetchers =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.isAlive() && t.getName().startsWith("ddbio-scan-prefetch-"))
            .map(Thread::getName)
            .toList();
    assertEquals(List.of(), prefetchers, "prefetch threads left after the readers closed");
  }

  private static List<Map<String, AttributeValue>> readLines(Path dir) throws IOException {
    DataPipelineCodec codec = new DataPipelineCodec();
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          items.add(codec.decode(line));
        }
      }
    }
    return items;
  }
}
