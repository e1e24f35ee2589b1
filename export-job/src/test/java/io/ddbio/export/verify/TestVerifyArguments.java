package io.ddbio.export.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.tool.UsageException;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class TestVerifyArguments {
  private static String refused(String... args) {
    return assertThrows(UsageException.class, () -> VerifyArguments.parse(args)).getMessage();
  }

  @Test
  void optionsBecomeTheLibrarysKeys() {
    VerifyArguments a =
        VerifyArguments.parse(
            new String[] {
              "s3a://b/backup",
              "--table",
              "Orders",
              "--items",
              "--endpoint",
              "http://127.0.0.1:8000",
              "--region",
              "eu-west-1",
              "--read-ratio",
              "0.25",
              "--read-units",
              "100",
              "--segments",
              "8"
            });
    assertEquals("s3a://b/backup", a.exportDir());
    assertEquals(Optional.of("Orders"), a.table());
    assertTrue(a.items());
    Configuration conf = new Configuration(false);
    a.applyTo(conf);
    assertEquals("Orders", conf.get("dynamodb.input.tableName"));
    assertEquals("http://127.0.0.1:8000", conf.get("dynamodb.endpoint"));
    assertEquals("eu-west-1", conf.get("dynamodb.region"));
    assertEquals("0.25", conf.get("dynamodb.throughput.read.percent"));
    assertEquals("100", conf.get("dynamodb.throughput.read"));
    assertEquals("8", conf.get("dynamodb.scan.segments"));
  }

  @Test
  void mistakes() {
    assertTrue(refused().contains("Missing <exportDir>"));
    assertTrue(refused("a", "b").contains("Expected one <exportDir>"));
    assertTrue(refused("a", "--items").contains("--table"));
    assertTrue(refused("a", "--read-ratio", "half").contains("must be a number"));
    assertTrue(refused("a", "--segments", "1.5").contains("whole number"));
    assertTrue(refused("a", "--tabel", "Tbl").contains("Unknown option --tabel"));
    assertTrue(VerifyArguments.parse(new String[] {"x", "--help"}).help());
  }
}
