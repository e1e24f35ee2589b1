package io.ddbio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ddbio.export.layout.ExportFormat;
import io.ddbio.item.Expiry;
import io.ddbio.mapreduce.DynamoDBItemWritable;
import io.ddbio.mapreduce.ExpiryConf;
import io.ddbio.metrics.DdbioCounter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The mapper on MRUnit: items in, exact Data Pipeline lines out. */
class TestExportMapper {

  /** The example line of the Data Pipeline format. */
  private static final String EXAMPLE =
      "{\"Id\":{\"n\":\"1\"},\"name\":{\"s\":\"x\"},\"tags\":{\"sS\":[\"a\",\"b\"]},"
          + "\"doc\":{\"m\":{\"ok\":{\"bOOL\":true},\"z\":{\"nULL\":true}}}}";

  private static Map<String, AttributeValue> example() {
    Map<String, AttributeValue> doc = new LinkedHashMap<>();
    doc.put("ok", AttributeValue.fromBool(true));
    doc.put("z", AttributeValue.fromNul(true));
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("Id", AttributeValue.fromN("1"));
    item.put("name", AttributeValue.fromS("x"));
    item.put("tags", AttributeValue.fromSs(List.of("a", "b")));
    item.put("doc", AttributeValue.fromM(doc));
    return item;
  }

  private static MapDriver<NullWritable, DynamoDBItemWritable, NullWritable, Text> driver() {
    return MapDriver.newMapDriver(new ExportMapper());
  }

  @Test
  void anItemBecomesTheExactDataPipelineLine() throws Exception {
    driver()
        .withInput(NullWritable.get(), new DynamoDBItemWritable(example()))
        .withOutput(NullWritable.get(), new Text(EXAMPLE))
        .runTest();
  }

  @Test
  void theNativeFormatWritesItemLinesWithUpperCaseTags() throws Exception {
    var driver = driver();
    ExportJobConf.setFormat(driver.getConfiguration(), ExportFormat.DYNAMODB_JSON);
    driver
        .withInput(NullWritable.get(), new DynamoDBItemWritable(example()))
        .withOutput(
            NullWritable.get(),
            new Text(
                "{\"Item\":{\"Id\":{\"N\":\"1\"},\"name\":{\"S\":\"x\"},"
                    + "\"tags\":{\"SS\":[\"a\",\"b\"]},"
                    + "\"doc\":{\"M\":{\"ok\":{\"BOOL\":true},\"z\":{\"NULL\":true}}}}}"))
        .runTest();
  }

  @Test
  void aShorterLineAfterALongerOneCarriesNothingOver() throws Exception {
    Map<String, AttributeValue> small = new LinkedHashMap<>();
    small.put("Id", AttributeValue.fromN("2"));
    small.put("bin", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, 2})));
    small.put("list", AttributeValue.fromL(List.of()));
    String smallLine = "{\"Id\":{\"n\":\"2\"},\"bin\":{\"b\":\"AAEC\"},\"list\":{\"l\":[]}}";

    var driver = driver();
    driver
        .withInput(NullWritable.get(), new DynamoDBItemWritable(example()))
        .withInput(NullWritable.get(), new DynamoDBItemWritable(small))
        .withOutput(NullWritable.get(), new Text(EXAMPLE))
        .withOutput(NullWritable.get(), new Text(smallLine))
        .runTest();

    long lineBytes =
        EXAMPLE.getBytes(StandardCharsets.UTF_8).length
            + smallLine.getBytes(StandardCharsets.UTF_8).length;
    assertEquals(lineBytes, driver.getCounters().findCounter(DdbioCounter.BYTES_READ).getValue());
    assertEquals(0, driver.getCounters().findCounter(DdbioCounter.BYTES_WRITTEN).getValue());
  }

  /**
   * With --skip-expired an item DynamoDB holds expired is counted and not written; one whose
   * attribute is in the future, not a Number or more than five years back is written.
   */
  @Test
  void anExpiredItemIsCountedAndLeftOut() throws Exception {
    long now = 1_800_000_000L;
    Map<String, AttributeValue> expired = new LinkedHashMap<>(example());
    expired.put("ttl", AttributeValue.fromN(Long.toString(now - 60)));
    Map<String, AttributeValue> live = new LinkedHashMap<>();
    live.put("Id", AttributeValue.fromN("3"));
    live.put("ttl", AttributeValue.fromN(Long.toString(now + 60)));
    Map<String, AttributeValue> ancient = new LinkedHashMap<>();
    ancient.put("Id", AttributeValue.fromN("4"));
    ancient.put("ttl", AttributeValue.fromN("1"));

    var driver = driver();
    ExpiryConf.set(driver.getConfiguration(), new Expiry("ttl", now));
    driver
        .withInput(NullWritable.get(), new DynamoDBItemWritable(expired))
        .withInput(NullWritable.get(), new DynamoDBItemWritable(live))
        .withInput(NullWritable.get(), new DynamoDBItemWritable(ancient))
        .withOutput(
            NullWritable.get(), new Text("{\"Id\":{\"n\":\"3\"},\"ttl\":{\"n\":\"1800000060\"}}"))
        .withOutput(NullWritable.get(), new Text("{\"Id\":{\"n\":\"4\"},\"ttl\":{\"n\":\"1\"}}"))
        .runTest();
    assertEquals(1, driver.getCounters().findCounter(DdbioCounter.ITEMS_EXPIRED).getValue());
  }
}
