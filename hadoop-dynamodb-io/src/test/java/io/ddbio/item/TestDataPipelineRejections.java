package io.ddbio.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every line the Data Pipeline codec must refuse, and the reason it gives. */
class TestDataPipelineRejections {
  private final DataPipelineCodec codec = new DataPipelineCodec();

  static Stream<Arguments> exactReasons() {
    return Stream.of(
        // type tags
        rejects(
            "{\"a\":{\"m\":{\"b\":{\"l\":[{\"s\":\"1\"},{\"s\":\"2\"},{\"x\":\"3\"}]}}}}",
            "unknown type tag \"x\" in attribute \"a.b[2]\""),
        rejects("{\"a\":{\"ſ\":\"x\"}}", "unknown type tag \"ſ\" in attribute \"a\""),
        rejects("{\"a\":{\"string\":\"x\"}}", "unknown type tag \"string\" in attribute \"a\""),
        rejects("{\"a\":{}}", "no type tag (an empty object) in attribute \"a\""),
        rejects(
            "{\"a\":{\"s\":\"x\",\"n\":\"1\"}}",
            "more than one type tag (\"s\" and \"n\") in attribute \"a\""),
        rejects(
            "{\"a\":{\"s\":\"x\",\"s\":\"y\"}}",
            "more than one type tag (\"s\" and \"s\") in attribute \"a\""),
        rejects(
            "{\"a\":\"x\"}",
            "expected a type-tagged object such as {\"S\":\"text\"}, found a string in attribute"
                + " \"a\""),
        rejects(
            "{\"a\":{\"l\":[\"x\"]}}",
            "expected a type-tagged object such as {\"S\":\"text\"}, found a string in attribute"
                + " \"a[0]\""),
        // JSON types under a tag
        rejects(
            "{\"a\":{\"s\":1}}",
            "type tag \"s\" takes a string, found a number in attribute \"a\""),
        rejects(
            "{\"a\":{\"s\":null}}", "type tag \"s\" takes a string, found null in attribute \"a\""),
        rejects(
            "{\"a\":{\"n\":1}}",
            "unquoted number 1 for type tag \"n\"; numbers are JSON strings (\"1\", not 1)"
                + " in attribute \"a\""),
        rejects(
            "{\"a\":{\"n\":2.5e3}}",
            "unquoted number 2.5e3 for type tag \"n\"; numbers are JSON strings (\"2.5e3\", not 2.5e3)"
                + " in attribute \"a\""),
        rejects(
            "{\"a\":{\"nS\":[\"1\",2]}}",
            "unquoted number 2 for type tag \"nS\"; numbers are JSON strings (\"2\", not 2)"
                + " in attribute \"a[1]\""),
        rejects(
            "{\"a\":{\"m\":[]}}",
            "type tag \"m\" takes an object, found an array in attribute \"a\""),
        rejects(
            "{\"a\":{\"l\":{}}}",
            "type tag \"l\" takes an array, found an object in attribute \"a\""),
        rejects(
            "{\"a\":{\"sS\":\"x\"}}",
            "type tag \"sS\" takes an array, found a string in attribute \"a\""),
        rejects(
            "{\"a\":{\"sS\":[[\"x\"]]}}",
            "type tag \"sS\" takes a string, found an array in attribute \"a[0]\""),
        rejects(
            "{\"a\":{\"b\":7}}",
            "type tag \"b\" takes a base64 string, found a number in attribute \"a\""),
        // NULL and BOOL
        rejects(
            "{\"a\":{\"nULL\":false}}",
            "type tag \"nULL\" takes true, found false in attribute \"a\""),
        rejects(
            "{\"a\":{\"nULL\":\"true\"}}",
            "type tag \"nULL\" takes true, found a string in attribute \"a\""),
        rejects(
            "{\"a\":{\"nULL\":null}}",
            "type tag \"nULL\" takes true, found null in attribute \"a\""),
        rejects(
            "{\"a\":{\"bOOL\":\"true\"}}",
            "type tag \"bOOL\" takes true or false, found a string in attribute \"a\""),
        rejects(
            "{\"a\":{\"bOOL\":1}}",
            "type tag \"bOOL\" takes true or false, found a number in attribute \"a\""),
        // base64
        rejects(
            "{\"a\":{\"b\":\"AAE\"}}",
            "invalid base64: length 3 is not a multiple of 4 (padding is required) in attribute \"a\""),
        rejects(
            "{\"a\":{\"b\":\"AA\\nAA==\"}}",
            "invalid base64: character U+000A at position 2 is not in the alphabet in attribute \"a\""),
        rejects(
            "{\"a\":{\"b\":\"AA-_\"}}",
            "invalid base64: character '-' at position 2 is not in the alphabet in attribute \"a\""),
        rejects(
            "{\"a\":{\"b\":\"AA=A\"}}",
            "invalid base64: character '=' at position 2 is not in the alphabet in attribute \"a\""),
        rejects(
            "{\"a\":{\"b\":\"AB==\"}}",
            "invalid base64: the bits after the last byte are not zero in attribute \"a\""),
        rejects(
            "{\"a\":{\"b\":\"AAB=\"}}",
            "invalid base64: the bits after the last byte are not zero in attribute \"a\""),
        rejects(
            "{\"a\":{\"bS\":[\"AA==\",\"A\"]}}",
            "invalid base64: length 1 is not a multiple of 4 (padding is required) in attribute \"a[1]\""),
        // sets
        rejects(
            "{\"a\":{\"sS\":[]}}",
            "empty set (\"sS\":[]); DynamoDB sets hold at least one member in attribute \"a\""),
        rejects(
            "{\"a\":{\"nS\":[]}}",
            "empty set (\"nS\":[]); DynamoDB sets hold at least one member in attribute \"a\""),
        rejects(
            "{\"a\":{\"m\":{\"b\":{\"bS\":[]}}}}",
            "empty set (\"bS\":[]); DynamoDB sets hold at least one member in attribute \"a.b\""),
        rejects(
            "{\"a\":{\"sS\":[\"x\",\"y\",\"x\"]}}",
            "duplicate set member \"x\" in attribute \"a[2]\""),
        rejects(
            "{\"a\":{\"nS\":[\"1\",\"2\",\"1.0\"]}}",
            "duplicate set member \"1.0\" in attribute \"a[2]\""),
        rejects(
            "{\"a\":{\"nS\":[\"1E+2\",\"-100\",\"100\"]}}",
            "duplicate set member \"100\" in attribute \"a[2]\""),
        rejects(
            "{\"a\":{\"nS\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"0.1e2\"]}}",
            "duplicate set member \"0.1e2\" in attribute \"a[10]\""),
        rejects(
            "{\"a\":{\"bS\":[\"AA==\",\"AQ==\",\"AA==\"]}}",
            "duplicate set member 1-byte binary in attribute \"a[2]\""),
        // numbers
        rejects(
            "{\"a\":{\"m\":{\"b\":{\"n\":\"1e\"}}}}",
            "invalid number \"1e\" (expected an optional sign, digits with an optional fraction, an"
                + " optional exponent) in attribute \"a.b\""),
        rejects(
            "{\"a\":{\"n\":\"1E+126\"}}",
            "number \"1E+126\" is out of range: its magnitude is above"
                + " 9.9999999999999999999999999999999999999E+125 in attribute \"a\""),
        rejects(
            "{\"a\":{\"n\":\"1E-131\"}}",
            "number \"1E-131\" is out of range: its magnitude is below 1E-130 in attribute \"a\""),
        rejects(
            "{\"a\":{\"nS\":[\"1\",\"123456789012345678901234567890123456789\"]}}",
            "number \"123456789012345678901234567890123456789\" has 39 significant digits; DynamoDB"
                + " keeps at most 38 in attribute \"a[1]\""),
        rejects(
            "{\"a\":{\"n\":\"\"}}",
            "invalid number \"\" (expected an optional sign, digits with an optional fraction, an"
                + " optional exponent) in attribute \"a\""),
        // names and items
        rejects("{\"a\":{\"s\":\"x\"},\"a\":{\"s\":\"y\"}}", "duplicate attribute name \"a\""),
        rejects(
            "{\"a\":{\"m\":{\"k\":{\"s\":\"x\"},\"k\":{\"n\":\"1\"}}}}",
            "duplicate attribute name \"k\" in attribute \"a\""),
        rejects("{\"\":{\"s\":\"x\"}}", "empty attribute name"),
        rejects("{}", "empty item (no attributes)"),
        rejects("", "blank line (no item)"),
        rejects(" \r", "blank line (no item)"),
        rejects(
            "[{\"a\":{\"s\":\"x\"}}]",
            "line is neither a JSON object nor a legacy line (name 0x03 value, separated by 0x02)"),
        rejects(
            "{\"a\":{\"s\":\"x\"}}{\"b\":{\"s\":\"y\"}}",
            "unexpected data after the end of the item: an object"),
        rejects("{\"a\":{\"s\":\"x\"}} x", "unexpected data after the end of the item"),
        rejects("{\"a\":{\"s\":\"x\"}}}", "unexpected data after the end of the item"),
        rejects("{\"a\":{\"s\":\"x\"}} // note", "unexpected data after the end of the item"),
        // legacy lines
        rejects(
            "a\u0003{\"s\":\"x\"}\u0002b",
            "legacy attribute 2 has no 0x03 between its name and its value"),
        rejects(
            "a\u0003{\"s\":\"x\"}\u0002",
            "legacy attribute 2 has no 0x03 between its name and its value"),
        rejects("a\u0003{\"q\":\"x\"}", "unknown type tag \"q\" in attribute \"a\""),
        rejects("\u0003{\"s\":\"x\"}", "empty attribute name"),
        rejects("a\u0003{\"s\":\"x\"}\u0002a\u0003{\"s\":\"y\"}", "duplicate attribute name \"a\""),
        rejects(
            "a\u0003{\"s\":\"x\"} y",
            "unexpected data after the end of the value in attribute \"a\""),
        rejects(
            "a\u0003\"x\"",
            "expected a type-tagged object such as {\"S\":\"text\"}, found a string in attribute \"a\""));
  }

  @ParameterizedTest
  @MethodSource("exactReasons")
  void rejectsWithReason(String line, String reason) {
    ItemFormatException e = assertThrows(ItemFormatException.class, () -> codec.decode(line));
    assertEquals(reason, e.reason());
    assertEquals(reason, e.getMessage());
  }

  static Stream<Arguments> jsonSyntaxErrors() {
    return Stream.of(
        Arguments.of("{\"a\":{\"s\":\"x\"}", "end-of-input", ""),
        Arguments.of("{\"a\":{\"s\":\"x", "end-of-input", " in attribute \"a\""),
        Arguments.of(
            "{\"a\":{\"s\":\"x\ty\"}}", "Illegal unquoted character", " in attribute \"a\""),
        Arguments.of("{'a':{\"s\":\"x\"}}", "Unexpected character", ""),
        Arguments.of("{\"a\":{\"n\":NaN}}", "Non-standard token 'NaN'", " in attribute \"a\""),
        Arguments.of(
            "{\"a\":{\"s\":\"\\q\"}}", "Unrecognized character escape", " in attribute \"a\""),
        Arguments.of("a\u0003{\"s\":\"x\"", "end-of-input", " in attribute \"a\""));
  }

  @ParameterizedTest
  @MethodSource("jsonSyntaxErrors")
  void rejectsBrokenJsonNamingTheAttribute(String line, String detail, String where) {
    String reason = assertThrows(ItemFormatException.class, () -> codec.decode(line)).reason();
    assertTrue(reason.startsWith("invalid JSON at column "), reason);
    assertTrue(reason.contains(detail), reason);
    assertTrue(
        where.isEmpty() ? !reason.contains(" in attribute ") : reason.endsWith(where), reason);
  }

  @ParameterizedTest
  @MethodSource("invalidUtf8")
  void rejectsInvalidUtf8(byte[] line, String reason) {
    ItemFormatException e =
        assertThrows(ItemFormatException.class, () -> codec.decode(line, 0, line.length));
    assertTrue(e.reason().contains(reason), e.reason());
  }

  static Stream<Arguments> invalidUtf8() {
    byte[] json = "{\"a\":{\"s\":\"?\"}}".getBytes(StandardCharsets.UTF_8);
    json[11] = (byte) 0xFF;
    byte[] legacyName = "?\u0003{\"s\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    legacyName[0] = (byte) 0xC3;
    return Stream.of(
        Arguments.of(json, "Invalid UTF-8"),
        Arguments.of(legacyName, "attribute name is not valid UTF-8"));
  }

  private static Arguments rejects(String line, String reason) {
    return Arguments.of(line, reason);
  }
}
