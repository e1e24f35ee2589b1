package io.ddbio.importer.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.dynamodb.KeyAttribute;
import io.ddbio.importer.check.ItemCheck;
import io.ddbio.mapreduce.DynamoDBItemWritable;
import io.ddbio.metrics.DdbioCounter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The import's mapper under MRUnit: lines in, items out. */
class TestImportMapper {
  private static final Path FILE = new Path("file:/backups/2024-01-01/part-7");

  private static final String V3_LINE =
      "{\"pk\":{\"s\":\"user#1\"},\"sk\":{\"n\":\"5\"},\"tags\":{\"sS\":[\"a\",\"b\"]},"
          + "\"doc\":{\"m\":{\"ok\":{\"bOOL\":true},\"none\":{\"nULL\":true}}}}";
  private static final Map<String, AttributeValue> V3_ITEM =
      Map.of(
          "pk", AttributeValue.fromS("user#1"),
          "sk", AttributeValue.fromN("5"),
          "tags", AttributeValue.fromSs(List.of("a", "b")),
          "doc",
              AttributeValue.fromM(
                  Map.of(
                      "ok", AttributeValue.fromBool(true), "none", AttributeValue.fromNul(true))));

  private static final String LEGACY_LINE =
      "pk\u0003{\"s\":\"Seattle\"}\u0002sk\u0003{\"n\":\"2\"}\u0002scores\u0003{\"nS\":[\"100\",\"30\"]}";
  private static final Map<String, AttributeValue> LEGACY_ITEM =
      Map.of(
          "pk", AttributeValue.fromS("Seattle"),
          "sk", AttributeValue.fromN("2"),
          "scores", AttributeValue.fromNs(List.of("100", "30")));

  private MapDriver<LongWritable, Text, NullWritable, DynamoDBItemWritable> driver;

  @BeforeEach
  void newDriver() {
    driver = MapDriver.newMapDriver(new ImportMapper()).withMapInputPath(FILE);
    driver.getConfiguration().set("dynamodb.output.tableName", "Dest");
    ItemCheck.configure(
        driver.getConfiguration(),
        List.of(
            new KeyAttribute("pk", ScalarAttributeType.S),
            new KeyAttribute("sk", ScalarAttributeType.N)));
  }

  private String failure() {
    return assertThrows(IOException.class, driver::run).getMessage();
  }

  private static long bytes(String line) {
    return line.getBytes(StandardCharsets.UTF_8).length;
  }

  @Test
  void dataPipelineV3LineBecomesTheItem() throws IOException {
    driver
        .withInput(new LongWritable(1), new Text(V3_LINE))
        .withOutput(NullWritable.get(), new DynamoDBItemWritable(V3_ITEM))
        .withCounter(DdbioCounter.LINES_READ, 1)
        .withCounter(DdbioCounter.ITEMS_READ, 1)
        .withCounter(DdbioCounter.BYTES_READ, bytes(V3_LINE))
        .runTest();
  }

  @Test
  void legacyLineBecomesTheItem() throws IOException {
    driver
        .withInput(new LongWritable(1), new Text(LEGACY_LINE))
        .withOutput(NullWritable.get(), new DynamoDBItemWritable(LEGACY_ITEM))
        .runTest();
  }

  @Test
  void blankLinesAreCountedButYieldNothing() throws IOException {
    driver
        .withInput(new LongWritable(1), new Text(""))
        .withInput(new LongWritable(2), new Text(" \t\r"))
        .withInput(new LongWritable(3), new Text("\uFEFF"))
        .withInput(new LongWritable(4), new Text(LEGACY_LINE))
        .withOutput(NullWritable.get(), new DynamoDBItemWritable(LEGACY_ITEM))
        .withCounter(DdbioCounter.LINES_READ, 4)
        .withCounter(DdbioCounter.ITEMS_READ, 1)
        .withCounter(DdbioCounter.BYTES_READ, 0 + 3 + 3 + bytes(LEGACY_LINE))
        .runTest();
  }

  @Test
  void badLineFailsNamingFileLineAndReason() {
    driver
        .withInput(new LongWritable(1), new Text(V3_LINE))
        .withInput(new LongWritable(42), new Text("{\"pk\":{\"s\":\"x\"},\"sk\":{\"n\":\"12a\"}}"));
    IOException e = assertThrows(IOException.class, driver::run);
    assertTrue(
        e.getMessage().startsWith("file:/backups/2024-01-01/part-7:42: invalid number \"12a\""),
        e.getMessage());
    assertTrue(e.getMessage().contains("in attribute \"sk\""), e.getMessage());
  }

  @Test
  void itemWithoutItsKeyFailsBeforeTheWriter() {
    driver
        .withInput(new LongWritable(1), new Text(V3_LINE))
        .withInput(new LongWritable(2), new Text("{\"pk\":{\"s\":\"x\"},\"n\":{\"n\":\"1\"}}"));

    String m = failure();

    assertTrue(m.startsWith(FILE + ":2: Item has no key attribute sk (N) of table \"Dest\""), m);
  }

  @Test
  void keyOfAnotherTypeFails() {
    driver.withInput(
        new LongWritable(4), new Text("{\"pk\":{\"b\":\"AAE=\"},\"sk\":{\"n\":\"1\"}}"));

    String m = failure();

    assertTrue(m.startsWith(FILE + ":4: Key attribute pk (S) of table \"Dest\" has type B"), m);
  }

  @Test
  void itemOver400KbFailsNamingItsKeyAndSize() {
    String big =
        "{\"pk\":{\"s\":\"big\"},\"sk\":{\"n\":\"1\"},\"x\":{\"s\":\""
            + "x".repeat(409_600)
            + "\"}}";
    driver.withInput(new LongWritable(9), new Text(big));

    String m = failure();

    assertTrue(m.startsWith(FILE + ":9: Item {pk=S:\"big\", sk=N:1} is 409610 bytes"), m);
    assertTrue(m.contains("over DynamoDB's limit of 409600 bytes"), m);
  }

  @Test
  void itemAtExactly400KbIsWritten() throws IOException {
    // Names and values count: pk 2+3, sk 2+2 (one digit, plus one), x 1+409590.
    String line =
        "{\"pk\":{\"s\":\"big\"},\"sk\":{\"n\":\"1\"},\"x\":{\"s\":\""
            + "x".repeat(409_590)
            + "\"}}";
    driver.withInput(new LongWritable(1), new Text(line));

    assertEquals(1, driver.run().size());
  }

  @Test
  void withoutTheTableKeyTheMapperRefusesToStart() {
    driver.getConfiguration().unset(ItemCheck.KEY_SCHEMA);
    driver.withInput(new LongWritable(1), new Text(V3_LINE));

    IllegalStateException e = assertThrows(IllegalStateException.class, driver::run);
    assertTrue(e.getMessage().contains(ItemCheck.KEY_SCHEMA), e.getMessage());
  }

  @Test
  void lineThatIsNotJsonFailsTheSameWay() {
    driver.withInput(new LongWritable(3), new Text("{\"pk\":{\"s\":\"x\""));
    IOException e = assertThrows(IOException.class, driver::run);
    assertTrue(e.getMessage().startsWith(FILE + ":3: "), e.getMessage());
    assertTrue(e.getMessage().length() > (FILE + ":3: ").length(), "a reason follows the line");
  }
}
