package io.ddbio.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.item.DataPipelineCodec;
import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testing.LineJobs;
import io.ddbio.testing.LocalJobs;
import io.ddbio.testkit.PkSkTables;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.items.ItemEquivalence;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A MapReduce job on LocalJobRunner writes 10,000 items through {@link DynamoDBOutputFormat}; the
 * DynamoDB Local table then holds exactly those items.
 */
class ITDynamoDBOutputFormat {
  private static final int ITEMS = 10_000;

  @RegisterExtension static final LocalDynamoDb ddb = LocalDynamoDb.started();

  @Test
  void tableHoldsExactlyTheItemsWritten(@TempDir Path tmp) throws Exception {
    String table = "OutputFormatTarget";
    PkSkTables.create(ddb.client(), table);
    List<Map<String, AttributeValue>> items = PkSkTables.generate(ITEMS, 11);
    Path input = writeLines(tmp, items);

    Job job = writeJob(tmp, input, table);
    assertTrue(job.waitForCompletion(false), "job failed");

    List<Map<String, AttributeValue>> stored = Tables.scanAll(ddb.client(), table);
    assertEquals(ITEMS, stored.size());
    ItemEquivalence.assertSameItems(items, stored, List.of("pk", "sk"));
    assertEquals(ITEMS, job.getCounters().findCounter(DdbioCounter.ITEMS_WRITTEN).getValue());
    assertTrue(
        job.getCounters().findCounter(DdbioCounter.WRITE_CAPACITY_MILLIUNITS).getValue() > 0);
  }

  @Test
  void missingTableFailsBeforeAnyTaskRuns(@TempDir Path tmp) throws Exception {
    Path input = writeLines(tmp, PkSkTables.generate(3, 1));
    Job job = writeJob(tmp, input, "NoSuchTable");
    IOException e = assertThrows(IOException.class, job::submit);
    assertTrue(e.getMessage().contains("NoSuchTable"), e.getMessage());
  }

  private Job writeJob(Path tmp, Path input, String table) throws IOException {
    Configuration conf = LocalJobs.conf(tmp, 2);
    DynamoDBJobs.setOutputTable(conf, table, 1.0);
    DynamoDBJobs.setEndpoint(conf, ddb.endpoint().toString(), "us-east-1");
    conf.setDouble("dynamodb.throughput.write", 100_000);
    // Small splits so several map tasks write at once.
    conf.setLong("mapreduce.input.fileinputformat.split.maxsize", 512 * 1024);
    Job job = Job.getInstance(conf, "write " + table);
    LineJobs.linesToTable(
        job, LineJobs.LinesToItems.class, new org.apache.hadoop.fs.Path(input.toUri()));
    return job;
  }

  private static Path writeLines(Path tmp, List<Map<String, AttributeValue>> items)
      throws IOException {
    DataPipelineCodec codec = new DataPipelineCodec();
    Path file = tmp.resolve("in").resolve("items");
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      for (Map<String, AttributeValue> item : items) {
        codec.encode(item, out);
        out.write('\n');
      }
    }
    return file.getParent();
  }
}
