package io.ddbio.export;

import static io.ddbio.export.ExportArguments.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.export.layout.ExportCompression;
import io.ddbio.export.layout.ExportFormat;
import io.ddbio.tool.UsageException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.GzipCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestExportArguments {

  private static String refused(String... args) {
    return assertThrows(UsageException.class, () -> ExportArguments.parse(args)).getMessage();
  }

  @Test
  void aStepLineNamingThePredecessorsClassWorksWithOnlyTheJarSwapped() {
    ExportArguments a =
        parse(
            "org.apache.hadoop.dynamodb.tools.DynamoDbExport",
            "s3a://bucket/backups/2024-01-01-00-00-00",
            "Orders",
            "0.25");
    assertEquals("Orders", a.table());
    assertEquals(0.25, a.readRatio().getAsDouble());
    assertEquals("Orders", parse("io.ddbio.export.ExportTool", "out", "Orders").table());
  }

  @Test
  void dataPipelineStep() {
    ExportArguments a = parse("s3a://bucket/backups/2024-01-01-00-00-00", "Orders", "0.25");
    assertFalse(a.help());
    assertEquals("s3a://bucket/backups/2024-01-01-00-00-00", a.outputDir());
    assertEquals("Orders", a.table());
    assertEquals(OptionalDouble.of(0.25), a.readRatio());
    assertEquals(OptionalInt.empty(), a.segments());
    assertEquals(Optional.empty(), a.compression());
    assertFalse(a.consistentRead());
  }

  @Test
  void predecessorsFourArguments() {
    ExportArguments a = parse("hdfs:///backups/orders", "Orders", "0.8", "64");
    assertEquals(OptionalDouble.of(0.8), a.readRatio());
    assertEquals(OptionalInt.of(64), a.segments());
  }

  @Test
  void namedOptions() {
    ExportArguments a =
        parse(
            "--read-ratio",
            "1.5",
            "out",
            "--segments=12",
            "Orders",
            "--max-map-tasks",
            "6",
            "--read-units",
            "400",
            "--compression",
            "GZIP",
            "--endpoint",
            "http://127.0.0.1:8000",
            "--region",
            "eu-west-1",
            "--consistent-read");
    assertEquals("out", a.outputDir());
    assertEquals("Orders", a.table());
    assertEquals(OptionalDouble.of(1.5), a.readRatio());
    assertEquals(OptionalInt.of(12), a.segments());
    assertEquals(OptionalInt.of(6), a.maxMapTasks());
    assertEquals(OptionalDouble.of(400), a.readUnits());
    assertEquals(Optional.of(ExportCompression.GZIP), a.compression());
    assertEquals(Optional.of("http://127.0.0.1:8000"), a.endpoint());
    assertEquals(Optional.of("eu-west-1"), a.region());
    assertTrue(a.consistentRead());
  }

  @Test
  void formatAndSelection() {
    ExportArguments a =
        parse(
            "out",
            "Orders",
            "--format",
            "DynamoDB-JSON",
            "--projection",
            " pk, #b.c ",
            "--filter",
            "#s = :v",
            "--names",
            "{\"#s\":\"status\",\"#b\":\"body\"}",
            "--values",
            "{\":v\":{\"S\":\"active\"}}");
    assertEquals(Optional.of(ExportFormat.DYNAMODB_JSON), a.format());
    Configuration conf = new Configuration(false);
    a.applyTo(conf);
    assertEquals(ExportFormat.DYNAMODB_JSON, ExportJobConf.format(conf));
    assertEquals("pk, #b.c", conf.get("dynamodb.scan.projection"));
    assertEquals("#s = :v", conf.get("dynamodb.scan.filter"));
    assertEquals("{\"#s\":\"status\",\"#b\":\"body\"}", conf.get("dynamodb.scan.expression.names"));
    assertEquals("{\":v\":{\"S\":\"active\"}}", conf.get("dynamodb.scan.expression.values"));

    Configuration plain = new Configuration(false);
    parse("out", "Orders").applyTo(plain);
    assertEquals(ExportFormat.DATAPIPELINE, ExportJobConf.format(plain));
    assertNull(plain.get("dynamodb.scan.filter"));
  }

  @Test
  void badFormatAndSelection() {
    assertTrue(refused("out", "Tbl", "--format", "ion").contains("datapipeline, dynamodb-json"));
    String m = refused("out", "Tbl", "--format", "dynamodb-json", "--compression", "bzip2");
    assertTrue(m.contains("always writes gzip"), m);
    assertEquals(
        Optional.of(ExportCompression.GZIP),
        parse("out", "Tbl", "--format", "dynamodb-json", "--compression", "gzip").compression());
    assertTrue(refused("out", "Tbl", "--names", "{'#s':'status'}").contains("--names is not JSON"));
    assertTrue(refused("out", "Tbl", "--values", "{\":v\":\"x\"}").contains("--values must be"));
    assertTrue(refused("out", "Tbl", "--filter", " ").contains("--filter is empty"));
  }

  @Test
  void appliesEveryGivenValueToTheLibrarysKeys() {
    Configuration conf = new Configuration(false);
    parse(
            "out/dir",
            "Orders",
            "0.3",
            "7",
            "--max-map-tasks",
            "3",
            "--read-units",
            "250",
            "--compression",
            "gzip",
            "--endpoint",
            "http://127.0.0.1:8000",
            "--region",
            "us-west-2",
            "--consistent-read")
        .applyTo(conf);
    assertEquals("out/dir", conf.get("mapreduce.output.fileoutputformat.outputdir"));
    assertEquals("Orders", conf.get("dynamodb.input.tableName"));
    assertEquals(0.3, conf.getDouble("dynamodb.throughput.read.percent", 0));
    assertEquals(7, conf.getInt("dynamodb.scan.segments", 0));
    assertEquals(3, conf.getInt("dynamodb.max.map.tasks", 0));
    assertEquals(250, conf.getDouble("dynamodb.throughput.read", 0));
    assertTrue(conf.getBoolean("mapreduce.output.fileoutputformat.compress", false));
    assertEquals(
        GzipCodec.class.getName(), conf.get("mapreduce.output.fileoutputformat.compress.codec"));
    assertEquals("http://127.0.0.1:8000", conf.get("dynamodb.endpoint"));
    assertEquals("us-west-2", conf.get("dynamodb.region"));
    assertTrue(conf.getBoolean("dynamodb.scan.consistent.read", false));
  }

  @Test
  void leavesUnmentionedKeysAsConfigured() {
    Configuration conf = new Configuration(false);
    conf.set("dynamodb.throughput.read.percent", "0.9");
    conf.setBoolean("mapreduce.output.fileoutputformat.compress", true);
    parse("out", "Orders").applyTo(conf);
    assertEquals("0.9", conf.get("dynamodb.throughput.read.percent"));
    assertTrue(conf.getBoolean("mapreduce.output.fileoutputformat.compress", false));
    assertNull(conf.get("dynamodb.scan.segments"));

    parse("out", "Orders", "--compression", "none").applyTo(conf);
    assertFalse(conf.getBoolean("mapreduce.output.fileoutputformat.compress", true));
  }

  @Test
  void helpWinsOverEverythingElse() {
    assertTrue(parse("--help").help());
    assertTrue(parse("out", "--no-such-option", "--help").help());
    assertTrue(parse("-h").help());
    assertTrue(ExportArguments.usage().contains("<outputDir> <table> [readRatio] [totalSegments]"));
    assertThrows(IllegalStateException.class, () -> parse("--help").applyTo(new Configuration()));
  }

  @Test
  void ratioGivenTwiceConflicts() {
    String message = refused("out", "Orders", "0.5", "--read-ratio", "0.5");
    assertTrue(message.contains("--read-ratio") && message.contains("both given"), message);
  }

  @Test
  void segmentsGivenTwiceConflict() {
    String message = refused("out", "Orders", "0.5", "8", "--segments", "16");
    assertTrue(message.contains("--segments") && message.contains("both given"), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0.0", "1.51", "2", "-0.5", "NaN", "Infinity"})
  void ratioOutOfRange(String ratio) {
    String message = refused("out", "Orders", ratio);
    assertTrue(message.contains("read ratio must be greater than 0 and at most 1.5"), message);
  }

  @Test
  void ratioNotANumber() {
    String message = refused("out", "Orders", "a-quarter");
    assertTrue(message.contains("read ratio must be a number"), message);
    message = refused("out", "Orders", "--read-ratio", "25%");
    assertTrue(message.contains("read ratio must be a number"), message);
  }

  @Test
  void badSegmentsAndLimits() {
    assertTrue(refused("out", "Tbl", "0.5", "0").contains("total segments must be 1..1000000"));
    assertTrue(refused("out", "Tbl", "0.5", "1000001").contains("total segments must be 1.."));
    assertTrue(refused("out", "Tbl", "0.5", "4.5").contains("must be a whole number"));
    assertTrue(refused("out", "Tbl", "--max-map-tasks", "0").contains("at least 1"));
    assertTrue(refused("out", "Tbl", "--read-units", "0").contains("--read-units must be"));
    assertTrue(refused("out", "Tbl", "--compression", "zip").contains("gzip, bzip2, deflate"));
    assertTrue(refused("out", "Tbl", "--endpoint", "127.0.0.1:8000").contains("--endpoint"));
    assertTrue(refused("out", "Tbl", "--region", " ").contains("--region"));
  }

  @Test
  void unknownOption() {
    assertTrue(refused("out", "Orders", "--read-percent", "0.5").contains("--read-percent"));
    String message = refused("out", "Orders", "-D", "dynamodb.region=eu-west-1");
    assertTrue(message.contains("Unknown option -D") && message.contains("before"), message);
  }

  @Test
  void missingTable() {
    assertTrue(refused("s3a://bucket/out").contains("Missing <table>"));
    assertTrue(refused().contains("Missing <outputDir> and <table>"));
    assertTrue(refused("out", " ").contains("<table> is empty"));
  }

  @Test
  void tooManyArguments() {
    assertTrue(refused("out", "Orders", "0.5", "8", "extra").contains("Too many arguments"));
  }

  @Test
  void optionWithoutValue() {
    assertTrue(refused("out", "Orders", "--segments").contains("--segments needs a value"));
  }
}
