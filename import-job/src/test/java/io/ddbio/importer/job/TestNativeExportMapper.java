package io.ddbio.importer.job;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.mapreduce.DynamoDBItemWritable;
import io.ddbio.metrics.DdbioCounter;
import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The native export's mapper under MRUnit: lines in, puts and deletes out, in order. */
class TestNativeExportMapper {
  private static final Path FILE = new Path("file:/exports/AWSDynamoDB/id/data/x.json.gz");

  private static final String KEYS = "{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}}";
  private static final String IMAGE =
      "{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"v\":{\"S\":\"x\"}}";
  private static final Map<String, AttributeValue> KEY =
      Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1"));
  private static final Map<String, AttributeValue> ITEM =
      Map.of(
          "pk", AttributeValue.fromS("a"),
          "sk", AttributeValue.fromN("1"),
          "v", AttributeValue.fromS("x"));

  private static final String FULL_LINE = "{\"Item\":" + IMAGE + "}";
  private static final String PUT_LINE =
      "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"1\"}},\"Keys\":"
          + KEYS
          + ",\"NewImage\":"
          + IMAGE
          + "}";
  private static final String DELETE_LINE = "{\"Keys\":" + KEYS + ",\"OldImage\":" + IMAGE + "}";

  private static MapDriver<LongWritable, Text, NullWritable, DynamoDBItemWritable> driver(
      boolean incremental) {
    MapDriver<LongWritable, Text, NullWritable, DynamoDBItemWritable> d =
        MapDriver.newMapDriver(new NativeExportMapper()).withMapInputPath(FILE);
    d.getConfiguration().setBoolean(NativeExportMapper.INCREMENTAL_KEY, incremental);
    return d;
  }

  private static DynamoDBItemWritable delete(Map<String, AttributeValue> key) {
    DynamoDBItemWritable w = new DynamoDBItemWritable();
    w.setDelete(key);
    return w;
  }

  @Test
  void aFullExportsItemIsPut() throws IOException {
    driver(false)
        .withInput(new LongWritable(1), new Text(FULL_LINE))
        .withInput(new LongWritable(2), new Text(""))
        .withOutput(NullWritable.get(), new DynamoDBItemWritable(ITEM))
        .withCounter(DdbioCounter.LINES_READ, 2)
        .withCounter(DdbioCounter.ITEMS_READ, 1)
        .withCounter(DdbioCounter.BYTES_READ, FULL_LINE.length())
        .runTest();
  }

  @Test
  void changesBecomePutsOfTheNewImageAndDeletesOfTheKeysInOrder() throws IOException {
    driver(true)
        .withInput(new LongWritable(1), new Text(PUT_LINE))
        .withInput(new LongWritable(2), new Text(DELETE_LINE))
        .withInput(new LongWritable(3), new Text(PUT_LINE))
        .withOutput(NullWritable.get(), new DynamoDBItemWritable(ITEM))
        .withOutput(NullWritable.get(), delete(KEY))
        .withOutput(NullWritable.get(), new DynamoDBItemWritable(ITEM))
        .withCounter(DdbioCounter.ITEMS_READ, 3)
        .runTest();
  }

  /** Why the task fails when line {@code number} of the file is {@code text}. */
  private static String failure(boolean incremental, long number, String text) {
    return assertThrows(
            IOException.class,
            driver(incremental).withInput(new LongWritable(number), new Text(text))::run)
        .getMessage();
  }

  @Test
  void aChangeInAFullExportFailsNamingFileAndLine() {
    String m = failure(false, 7, DELETE_LINE);
    assertTrue(m.startsWith(FILE + ":7: an incremental export's change"), m);
  }

  @Test
  void anItemInAnIncrementalExportFailsNamingFileAndLine() {
    String m = failure(true, 3, FULL_LINE);
    assertTrue(m.startsWith(FILE + ":3: a full export's \"Item\" line"), m);
  }

  @Test
  void anInvalidLineFailsWithTheCodecsReason() {
    String m = failure(false, 4, "{\"Item\":{\"pk\":{\"N\":\"x\"}}}");
    assertTrue(m.startsWith(FILE + ":4: invalid number \"x\""), m);
  }
}
