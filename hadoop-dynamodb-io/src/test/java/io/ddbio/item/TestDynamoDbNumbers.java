package io.ddbio.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TestDynamoDbNumbers {
  private static final String MAX = "9.9999999999999999999999999999999999999E+125";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "-0",
        "+0",
        "0.000",
        "0e999999999999999999",
        "1",
        "-1",
        "+1",
        ".5",
        "5.",
        "-.5",
        "1e5",
        "1E5",
        "1e+5",
        "1e-5",
        "36.0",
        "12345678901234567890123456789012345678",
        "-12345678901234567890123456789012345678",
        "1234567890123456789012345678901234567800000",
        "0.00012345678901234567890123456789012345678",
        "1E-130",
        "-1E-130",
        "1.5E-130",
        "0.0000000001E-120",
        MAX,
        "-" + MAX,
        "99999999999999999999999999999999999999E+88",
        "1E+125",
        "100000000000000000000000000000000000000000000000000"
      })
  void accepts(String n) {
    DynamoDbNumbers.validate(n);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        " 1",
        "1 ",
        "1 000",
        "NaN",
        "Infinity",
        "-Infinity",
        "0x10",
        "1_000",
        "1,5",
        ".",
        "-",
        "+",
        "+-1",
        "--1",
        "1.2.3",
        "e5",
        ".e5",
        "1e",
        "1e+",
        "1e-",
        "1e5.5",
        "1f",
        "1d",
        "١٢",
        "１"
      })
  void rejectsSyntax(String n) {
    ItemFormatException e =
        assertThrows(ItemFormatException.class, () -> DynamoDbNumbers.validate(n));
    assertEquals(
        "invalid number \""
            + n
            + "\" (expected an optional sign, digits with an optional fraction, an optional exponent)",
        e.reason());
  }

  @Test
  void precisionIsThirtyEightSignificantDigits() {
    DynamoDbNumbers.validate("1234567890123456789012345678901234567.8");
    ItemFormatException e =
        assertThrows(
            ItemFormatException.class,
            () -> DynamoDbNumbers.validate("123456789012345678901234567890123456789"));
    assertTrue(e.reason().contains("has 39 significant digits"), e.reason());
    assertThrows(
        ItemFormatException.class,
        () -> DynamoDbNumbers.validate("0.000100000000000000000000000000000000000001"));
  }

  @Test
  void rangeEndsAtOneEMinus130AndJustBelowOneEPlus126() {
    assertTrue(
        assertThrows(ItemFormatException.class, () -> DynamoDbNumbers.validate("1E-131"))
            .reason()
            .contains("below 1E-130"));
    assertThrows(ItemFormatException.class, () -> DynamoDbNumbers.validate("-0.99E-130"));
    assertTrue(
        assertThrows(ItemFormatException.class, () -> DynamoDbNumbers.validate("1E+126"))
            .reason()
            .contains("above 9.9999999999999999999999999999999999999E+125"));
    assertThrows(ItemFormatException.class, () -> DynamoDbNumbers.validate("-10E+125"));
    assertThrows(ItemFormatException.class, () -> DynamoDbNumbers.validate("1e999999999999999"));
    assertThrows(ItemFormatException.class, () -> DynamoDbNumbers.validate("1e-999999999999999"));
  }

  @Test
  void longInvalidNumbersAreShortenedInTheReason() {
    String n = "x".repeat(1000);
    String reason =
        assertThrows(ItemFormatException.class, () -> DynamoDbNumbers.validate(n)).reason();
    assertTrue(reason.length() < 200, reason);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "1, 1.0",
    "1E+100, 1e100",
    "36, 36.000",
    "100, 1e2",
    "0.0012, 12e-4",
    "0, -0.00",
    "+5, 5",
    "10.01, 1001E-2"
  })
  void sameNumberComparesByValue(String a, String b) {
    assertTrue(DynamoDbNumbers.sameNumber(a, b));
  }

  @ParameterizedTest(name = "{0} != {1}")
  @CsvSource({"1, -1", "1, 10", "1.01, 1.1", "0, 1E-130", "12, 13"})
  void differentNumbersAreNotTheSame(String a, String b) {
    assertFalse(DynamoDbNumbers.sameNumber(a, b));
  }

  @Test
  void sameNumberRefusesWhatIsNotANumber() {
    assertThrows(ItemFormatException.class, () -> DynamoDbNumbers.sameNumber("1", "one"));
  }

  // Digits without leading or trailing zeros, then the exponent of the leading digit.
  @ParameterizedTest(name = "{1} is spelt {0}")
  @CsvSource({"-12E5, -120000", "-12E5, -1.2e5", "105E0, 1.050", "1E-3, 0.0010", "0, -0.0"})
  void canonicalSpellingIsSharedByEqualValues(String canonical, String n) {
    assertEquals(canonical, DynamoDbNumbers.canonical(n));
  }

  @ParameterizedTest(name = "{1} has {0}")
  @CsvSource({"0, 0.00", "1, 100", "1, 0.0010", "3, 1.01", "38, " + MAX})
  void significantDigitsIgnoreLeadingAndTrailingZeros(int digits, String n) {
    assertEquals(digits, DynamoDbNumbers.significantDigits(n));
  }
}
