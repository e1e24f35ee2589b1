package io.ddbio.importer;

import static io.ddbio.importer.ImportArguments.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.importer.layout.BackupFormat;
import io.ddbio.importer.table.TableCreation;
import io.ddbio.tool.UsageException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TestImportArguments {

  private static String refused(String... args) {
    return assertThrows(UsageException.class, () -> ImportArguments.parse(args)).getMessage();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "org.apache.hadoop.dynamodb.tools.DynamoDbImport",
        "org.apache.hadoop.dynamodb.tools.DynamoDBImport",
        "io.ddbio.importer.ImportTool"
      })
  void aStepLineNamingAnImportClassWorksWithOnlyTheJarSwapped(String mainClass) {
    ImportArguments a = parse(mainClass, "s3://bucket/backup", "Orders", "0.5");
    assertEquals("s3://bucket/backup", a.inputDir());
    assertEquals("Orders", a.table());
    assertEquals(OptionalDouble.of(0.5), a.writeRatio());
  }

  @Test
  void dataPipelineStepForm() {
    ImportArguments a = parse("s3://bucket/backups/2024-01-01-00-00-00", "Orders", "0.25");
    assertEquals("s3://bucket/backups/2024-01-01-00-00-00", a.inputDir());
    assertEquals("Orders", a.table());
    assertEquals(OptionalDouble.of(0.25), a.writeRatio());
    assertEquals(OptionalDouble.empty(), a.writeUnits());
    assertEquals(Optional.empty(), a.endpoint());
    assertEquals(Optional.empty(), a.region());
    assertEquals(BackupFormat.AUTO, a.format());
    assertEquals(Optional.empty(), a.createTable());
    assertFalse(a.allowPartialItems());
    assertFalse(a.allowNoManifest());
    assertFalse(a.help());
  }

  @Test
  void allowPartialItemsIsAFlag() {
    assertTrue(parse("d", "Tbl", "--allow-partial-items").allowPartialItems());
    assertTrue(parse("--allow-partial-items", "d", "Tbl", "0.5").allowPartialItems());
  }

  @Test
  void allowNoManifestIsAFlag() {
    assertTrue(parse("d", "Tbl", "--allow-no-manifest").allowNoManifest());
    assertTrue(parse("--allow-no-manifest", "d", "Tbl", "0.5").allowNoManifest());
    assertTrue(ImportArguments.usage().contains("--allow-no-manifest"));
  }

  @Test
  void resumeIsAFlagAndTheProgressDirectoryReachesItsKey() {
    assertFalse(parse("d", "Tbl").resume());
    ImportArguments a = parse("d", "Tbl", "0.5", "--resume", "--progress-dir", "/tmp/p");
    assertTrue(a.resume());
    assertEquals(Optional.of("/tmp/p"), a.progressDir());
    Configuration conf = new Configuration(false);
    a.applyTo(conf);
    assertEquals("/tmp/p", conf.get("dynamodb.import.progress.dir"));
    assertTrue(refused("d", "Tbl", "--progress-dir", " ").contains("--progress-dir is empty"));
    assertTrue(ImportArguments.usage().contains("--resume"));
  }

  @Test
  void formatIsOneOfTheNamedLayouts() {
    assertEquals(
        BackupFormat.DYNAMODB_JSON, parse("d", "Tbl", "--format", "dynamodb-json").format());
    assertEquals(BackupFormat.DATA_PIPELINE, parse("d", "Tbl", "--format=datapipeline").format());
    assertEquals(BackupFormat.AUTO, parse("d", "Tbl", "--format", "auto").format());
    String m = refused("d", "Tbl", "--format", "ion");
    assertTrue(m.contains("auto, datapipeline, dynamodb-json") && m.contains("\"ion\""), m);
  }

  @Test
  void createTableTakesTheRecordedCapacityUnlessGiven() {
    assertEquals(
        Optional.of(TableCreation.AS_RECORDED), parse("d", "Tbl", "--create-table").createTable());
    assertEquals(
        Optional.of(new TableCreation(20, 0)),
        parse("d", "Tbl", "--create-table", "--create-read-units", "20").createTable());
    assertEquals(
        Optional.of(new TableCreation(0, 30)),
        parse("d", "Tbl", "--create-write-units=30", "--create-table").createTable());
  }

  @Test
  void createUnitsNeedCreateTableAndAPositiveWholeNumber() {
    String m = refused("d", "Tbl", "--create-write-units", "5");
    assertTrue(m.contains("--create-write-units") && m.contains("--create-table too"), m);
    for (String units : new String[] {"0", "-1", "1.5", "many"}) {
      m = refused("d", "Tbl", "--create-table", "--create-read-units", units);
      assertTrue(m.contains("--create-read-units"), m);
    }
  }

  @Test
  void predecessorFormWithoutRatio() {
    ImportArguments a = parse("hdfs:///backups/orders", "Orders");
    assertEquals(OptionalDouble.empty(), a.writeRatio());
  }

  @Test
  void namedOptionsInEitherSpelling() {
    ImportArguments a =
        parse(
            "--write-ratio=0.5",
            "dir",
            "Tbl",
            "--write-units",
            "1200",
            "--endpoint",
            "http://127.0.0.1:8000",
            "--region=eu-west-1");
    assertEquals("dir", a.inputDir());
    assertEquals("Tbl", a.table());
    assertEquals(OptionalDouble.of(0.5), a.writeRatio());
    assertEquals(OptionalDouble.of(1200), a.writeUnits());
    assertEquals(Optional.of("http://127.0.0.1:8000"), a.endpoint());
    assertEquals(Optional.of("eu-west-1"), a.region());
  }

  @Test
  void ratioGivenTwiceIsRefused() {
    String m = refused("dir", "Tbl", "0.5", "--write-ratio", "0.5");
    assertTrue(m.contains("twice"), m);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-0.1", "1.51", "NaN", "Infinity", "half", ""})
  void ratioOutOfRangeOrNotANumberIsRefused(String ratio) {
    String m = refused("dir", "Tbl", ratio);
    assertTrue(m.toLowerCase().contains("write ratio"), m);
    assertTrue(m.contains(ratio), m);
  }

  @Test
  void ratioAtTheLimitsIsAccepted() {
    assertEquals(OptionalDouble.of(1.5), parse("dir", "Tbl", "1.5").writeRatio());
    assertEquals(
        OptionalDouble.of(0.01), parse("dir", "Tbl", "--write-ratio", "0.01").writeRatio());
  }

  @ParameterizedTest
  @CsvSource({
    // --write-units: a positive number
    "--write-units, 0",
    "--write-units, -5",
    "--write-units, lots",
    "--write-units, Infinity",
    // --endpoint: an http(s) URL with a host
    "--endpoint, localhost:8000",
    "--endpoint, 127.0.0.1",
    "--endpoint, ftp://host/",
    "--endpoint, http://",
    // --max-bad-records: a whole number of at least 0
    "--max-bad-records, -1",
    "--max-bad-records, ten",
    "--max-bad-records, 1.5",
    "--max-bad-records, ''"
  })
  void aBadValueIsRefusedNamingItsOption(String option, String value) {
    String m = refused("dir", "Tbl", option, value);
    assertTrue(m.contains(option), m);
  }

  @Test
  void unknownOptionIsRefused() {
    String m = refused("dir", "Tbl", "--write-percent", "0.5");
    assertEquals("Unknown option --write-percent", m);
  }

  @Test
  void missingAndExtraArgumentsAreRefused() {
    assertEquals("Missing <inputDir> and <table>", refused());
    assertEquals("Missing <table>", refused("dir"));
    String m = refused("dir", "Tbl", "0.5", "8");
    assertTrue(m.startsWith("Too many arguments: 8"), m);
    assertTrue(refused(" ", "Tbl").contains("<inputDir>"));
    assertTrue(refused("dir", "Tbl", "--region", " ").contains("--region"));
  }

  @Test
  void helpWinsOverEverythingElse() {
    ImportArguments a = parse("dir", "--help", "0.5");
    assertTrue(a.help());
    assertNull(a.table());
    assertTrue(parse("--help").help());
  }

  @Test
  void applyToSetsOnlyWhatWasGiven() {
    Configuration conf = new Configuration(false);
    conf.set("dynamodb.throughput.write.percent", "0.9");
    parse("dir", "Tbl").applyTo(conf);
    assertEquals("Tbl", conf.get("dynamodb.output.tableName"));
    assertEquals("0.9", conf.get("dynamodb.throughput.write.percent"));
    assertNull(conf.get("dynamodb.throughput.write"));
    assertNull(conf.get("dynamodb.endpoint"));
    assertNull(conf.get("dynamodb.region"));

    parse("dir", "Tbl", "0.25", "--write-units", "40", "--endpoint", "https://h:1", "--region", "r")
        .applyTo(conf);
    assertEquals("0.25", conf.get("dynamodb.throughput.write.percent"));
    assertEquals("40.0", conf.get("dynamodb.throughput.write"));
    assertEquals("https://h:1", conf.get("dynamodb.endpoint"));
    assertEquals("r", conf.get("dynamodb.region"));
  }

  @Test
  void badRecordOptionsReachTheirKeys() {
    ImportArguments a = parse("dir", "Tbl", "--max-bad-records", "25", "--rejects-dir=/tmp/r");
    assertEquals(OptionalInt.of(25), a.maxBadRecords());
    assertEquals(Optional.of("/tmp/r"), a.rejectsDir());

    Configuration conf = new Configuration(false);
    a.applyTo(conf);
    assertEquals("25", conf.get("dynamodb.max.bad.records"));
    assertEquals("/tmp/r", conf.get("dynamodb.rejects.dir"));

    Configuration untouched = new Configuration(false);
    untouched.set("dynamodb.max.bad.records", "3");
    parse("dir", "Tbl").applyTo(untouched);
    assertEquals("3", untouched.get("dynamodb.max.bad.records"));
    assertNull(untouched.get("dynamodb.rejects.dir"));
  }

  @Test
  void emptyRejectsDirIsRefused() {
    assertTrue(refused("dir", "Tbl", "--rejects-dir", " ").contains("--rejects-dir"));
  }

  @Test
  void usageNamesEveryArgumentAndOption() {
    String usage = ImportArguments.usage();
    for (String s :
        new String[] {
          "<inputDir> <table> [writeRatio]",
          "--write-ratio",
          "--write-units",
          "--endpoint",
          "--region",
          "--format",
          "--create-table",
          "--create-read-units",
          "--create-write-units",
          "--max-bad-records",
          "--rejects-dir",
          "--help"
        }) {
      assertTrue(usage.contains(s), s);
    }
    assertTrue(usage.endsWith("\n"));
  }
}
