package io.ddbio.export;

import static io.ddbio.export.ExportArguments.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.tool.UsageException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** The command line of an export of several tables: {@code <outputDir> T1,T2,T3 …}. */
class TestSeveralTablesArguments {

  private static String refused(String... args) {
    return assertThrows(UsageException.class, () -> parse(args)).getMessage();
  }

  @Test
  void aCommaSeparatedListNamesSeveralTablesInOrder() {
    ExportArguments a = parse("s3a://bucket/backups", "Orders,Customers, Items", "0.5", "--resume");
    assertEquals(List.of("Orders", "Customers", "Items"), a.tables());
    assertTrue(a.severalTables());
    assertTrue(a.resume());
    assertThrows(IllegalStateException.class, a::table);
  }

  @Test
  void oneTableIsAListOfOne() {
    ExportArguments a = parse("out", "Orders");
    assertEquals(List.of("Orders"), a.tables());
    assertFalse(a.severalTables());
    assertEquals("Orders", a.table());
  }

  @Test
  void severalTablesLeaveTheTableAndDirectoryToEachExport() {
    Configuration conf = new Configuration(false);
    parse("out", "Orders,Items", "0.3").applyTo(conf);
    assertNull(conf.get("dynamodb.input.tableName"));
    assertNull(conf.get("mapreduce.output.fileoutputformat.outputdir"));
    assertEquals(0.3, conf.getDouble("dynamodb.throughput.read.percent", 0));

    ExportArguments.setTable(conf, "Items", "out/Items");
    assertEquals("Items", conf.get("dynamodb.input.tableName"));
    assertEquals("out/Items", conf.get("mapreduce.output.fileoutputformat.outputdir"));
  }

  @Test
  void aTableGivenTwiceIsRefused() {
    String m = refused("out", "Orders,Items,Orders");
    assertTrue(m.contains("names table \"Orders\" twice"), m);
    m = refused("out", "Orders,arn:aws:dynamodb:eu-west-1:123456789012:table/Orders");
    assertTrue(m.contains("twice"), m);
  }

  @Test
  void anEmptyElementIsRefused() {
    assertTrue(refused("out", "Orders,,Items").contains("has an empty name"));
    assertTrue(refused("out", "Orders,").contains("has an empty name"));
    assertTrue(refused("out", ",Orders").contains("has an empty name"));
  }

  @Test
  void eachNameIsChecked() {
    String m = refused("out", "Orders,NT");
    assertTrue(m.contains("\"NT\" is not a DynamoDB table name"), m);
  }
}
