package io.ddbio.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Write costs estimated from an item's JSON by DynamoDB's size rules. */
class TestWriteCost {
  private static JsonNode json(String text) throws IOException {
    return JsonBodies.readObject(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void countsNamesAndScalarValues() throws IOException {
    // "id"+"abc" = 5, "ok"+BOOL = 3, "n"+NULL = 2, "é"+"é" = 4 (two bytes each in UTF-8)
    JsonNode item =
        json(
            "{\"id\":{\"S\":\"abc\"},\"ok\":{\"BOOL\":true},\"n\":{\"NULL\":true},"
                + "\"\u00e9\":{\"S\":\"\u00e9\"}}");

    assertEquals(14, WriteCost.itemBytes(item));
    assertEquals(1, WriteCost.ofItem(item));
  }

  @ParameterizedTest(name = "{1} takes {0} bytes")
  @CsvSource({
    "1, 0",
    "2, 7",
    "2, -10",
    "3, 123",
    "3, 0.00123",
    "3, 1.23E+10",
    "20, 11111111111111111111111111111111111111"
  })
  void countsNumbersByTheirSignificantDigits(int bytes, String number) {
    assertEquals(bytes, WriteCost.numberBytes(number));
  }

  @ParameterizedTest(name = "\"{1}\" decodes to {0} bytes")
  @CsvSource({"0, ''", "1, AA==", "2, AAA=", "3, AAAA"})
  void countsBinaryByItsDecodedLength(int bytes, String base64) {
    assertEquals(bytes, WriteCost.base64DecodedLength(base64));
  }

  @Test
  void countsSetsListsAndMaps() throws IOException {
    // "s" + ("ab" + "c") = 4; "l" + 3 + (1 + "xy") + (1 + BOOL) = 9; "m" + 3 + ("k" + 1 + "v") = 7
    JsonNode item =
        json(
            "{\"s\":{\"SS\":[\"ab\",\"c\"]},"
                + "\"l\":{\"L\":[{\"S\":\"xy\"},{\"BOOL\":false}]},"
                + "\"m\":{\"M\":{\"k\":{\"S\":\"v\"}}}}");

    assertEquals(20, WriteCost.itemBytes(item));
  }

  @Test
  void roundsUpToWholeKilobytes() throws IOException {
    String exactlyOneKb = "{\"id\":{\"S\":\"" + "x".repeat(1022) + "\"}}";
    String justOver = "{\"id\":{\"S\":\"" + "x".repeat(1023) + "\"}}";
    String threeKb = "{\"id\":{\"S\":\"a\"},\"p\":{\"S\":\"" + "x".repeat(3000) + "\"}}";

    assertEquals(1, WriteCost.ofItem(json(exactlyOneKb)));
    assertEquals(2, WriteCost.ofItem(json(justOver)));
    assertEquals(3, WriteCost.ofItem(json(threeKb)));
  }

  @Test
  void costsAPutByItsItemAndADeleteOneUnit() throws IOException {
    String big = "x".repeat(5000);

    assertEquals(
        5,
        WriteCost.ofWriteRequest(
            json("{\"PutRequest\":{\"Item\":{\"p\":{\"S\":\"" + big + "\"}}}}")));
    assertEquals(
        1, WriteCost.ofWriteRequest(json("{\"DeleteRequest\":{\"Key\":{\"id\":{\"S\":\"a\"}}}}")));
  }
}
