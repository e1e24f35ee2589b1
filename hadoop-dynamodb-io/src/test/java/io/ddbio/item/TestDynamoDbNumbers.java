package io.ddbio.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

  @Test
  void sameNumberComparesByValue() {
    assertTrue(DynamoDbNumbers.sameNumber("1", "1.0"));
    assertTrue(DynamoDbNumbers.sameNumber("1E+100", "1e100"));
    assertTrue(DynamoDbNumbers.sameNumber("36", "36.000"));
    assertTrue(DynamoDbNumbers.sameNumber("100", "1e2"));
    assertTrue(DynamoDbNumbers.sameNumber("0.0012", "12e-4"));
    assertTrue(DynamoDbNumbers.sameNumber("0", "-0.00"));
    assertTrue(DynamoDbNumbers.sameNumber("+5", "5"));
    assertTrue(DynamoDbNumbers.sameNumber("10.01", "1001E-2"));
    assertFalse(DynamoDbNumbers.sameNumber("1", "-1"));
    assertFalse(DynamoDbNumbers.sameNumber("1", "10"));
    assertFalse(DynamoDbNumbers.sameNumber("1.01", "1.1"));
    assertFalse(DynamoDbNumbers.sameNumber("0", "1E-130"));
    assertFalse(DynamoDbNumbers.sameNumber("12", "13"));
    assertThrows(ItemFormatException.class, () -> DynamoDbNumbers.sameNumber("1", "one"));
  }

  @Test
  void canonicalSpellingIsSharedByEqualValues() {
    // Digits without leading or trailing zeros, then the exponent of the leading digit.
    assertEquals("-12E5", DynamoDbNumbers.canonical("-120000"));
    assertEquals("-12E5", DynamoDbNumbers.canonical("-1.2e5"));
    assertEquals("105E0", DynamoDbNumbers.canonical("1.050"));
    assertEquals("1E-3", DynamoDbNumbers.canonical("0.0010"));
    assertEquals("0", DynamoDbNumbers.canonical("-0.0"));
  }

  @Test
  void significantDigitsIgnoreLeadingAndTrailingZeros() {
    assertEquals(0, DynamoDbNumbers.significantDigits("0.00"));
    assertEquals(1, DynamoDbNumbers.significantDigits("100"));
    assertEquals(1, DynamoDbNumbers.significantDigits("0.0010"));
    assertEquals(3, DynamoDbNumbers.significantDigits("1.01"));
    assertEquals(38, DynamoDbNumbers.significantDigits(MAX));
  }
}
