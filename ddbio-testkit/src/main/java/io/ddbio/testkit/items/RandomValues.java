package io.ddbio.testkit.items;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Draws valid DynamoDB values of every type from a random source, leaning towards edge cases. */
final class RandomValues {
  /** Numbers at the limits of DynamoDB's range and precision. */
  private static final List<String> EDGE_NUMBERS =
      List.of(
          "0",
          "1E-130",
          "-1E-130",
          "9.9999999999999999999999999999999999999E+125",
          "-9.9999999999999999999999999999999999999E+125",
          "12345678901234567890123456789012345678",
          "-0.00000000000000000000000000000000000012345678901234567890123456789012345678",
          "99999999999999999999999999999999999999",
          "1e5",
          "36.0",
          "1E+100");

  /**
   * Characters that break naive writers: JSON escapes, line and paragraph separators, and so on.
   */
  private static final String TRICKY =
      "\"\\/\n\r\t\b\f\u0000\u0001\u0002\u0003\u001f\u007f\u0085\u00a0\u2028\u2029\ufeff\u200b"
          + "éß東京Ωж\u0301";

  /** Supplementary-plane characters (each a surrogate pair in Java). */
  private static final int[] ASTRAL = {0x1F600, 0x10000, 0x1D11E, 0x20BB7, 0x10FFFF, 0x1F3F3};

  private static final int MAX_CONTAINER = 4;
  private static final int MAX_SET = 5;
  private static final int MAX_STRING = 24;
  private static final int MAX_BINARY = 32;

  private final SplittableRandom random;

  RandomValues(SplittableRandom random) {
    this.random = random;
  }

  /** The underlying source, for draws this class does not offer. */
  SplittableRandom random() {
    return random;
  }

  /** A value of any type; maps and lists only while {@code depth} is above zero. */
  AttributeValue value(int depth) {
    int kinds = depth > 0 ? 10 : 8;
    return switch (random.nextInt(kinds)) {
      case 0 -> AttributeValue.fromS(string(MAX_STRING));
      case 1 -> AttributeValue.fromN(number());
      case 2 -> AttributeValue.fromB(binary());
      case 3 -> AttributeValue.fromSs(distinct(this::stringMember, s -> s));
      case 4 -> AttributeValue.fromNs(distinct(this::number, ItemEquivalence::numberKey));
      case 5 -> AttributeValue.fromBs(distinct(this::binary, b -> b));
      case 6 -> AttributeValue.fromBool(random.nextBoolean());
      case 7 -> AttributeValue.fromNul(true);
      case 8 -> AttributeValue.fromM(map(depth - 1));
      default -> AttributeValue.fromL(list(depth - 1));
    };
  }

  /** A map of 0…4 entries (often empty) with non-empty, distinct names. */
  Map<String, AttributeValue> map(int depth) {
    Map<String, AttributeValue> map = new LinkedHashMap<>();
    int size = random.nextInt(MAX_CONTAINER + 1);
    while (map.size() < size) {
      map.put(name(), value(depth));
    }
    return map;
  }

  private List<AttributeValue> list(int depth) {
    List<AttributeValue> list = new ArrayList<>();
    int size = random.nextInt(MAX_CONTAINER + 1);
    for (int i = 0; i < size; i++) {
      list.add(value(depth));
    }
    return list;
  }

  /** A non-empty attribute name of up to 12 characters, any of them tricky. */
  String name() {
    String name = string(12);
    return name.isEmpty() ? "a" : name;
  }

  /** A string of up to {@code maxLength} characters (astral ones count two) mixing every kind. */
  String string(int maxLength) {
    int length = random.nextInt(maxLength + 1);
    StringBuilder s = new StringBuilder(length + 1);
    while (s.length() < length) {
      int pick = random.nextInt(10);
      if (pick < 6) {
        s.append((char) (' ' + random.nextInt(95)));
      } else if (pick < 8) {
        s.append(TRICKY.charAt(random.nextInt(TRICKY.length())));
      } else if (pick < 9) {
        s.appendCodePoint(ASTRAL[random.nextInt(ASTRAL.length)]);
      } else {
        s.append((char) (0x100 + random.nextInt(0xD000)));
      }
    }
    return s.toString();
  }

  private String stringMember() {
    return string(8);
  }

  /** A valid DynamoDB number: an edge case, or up to 38 random digits anywhere in range. */
  String number() {
    if (random.nextInt(5) == 0) {
      return EDGE_NUMBERS.get(random.nextInt(EDGE_NUMBERS.size()));
    }
    int digits = 1 + random.nextInt(38);
    StringBuilder d = new StringBuilder(digits);
    d.append((char) ('1' + random.nextInt(9)));
    for (int i = 1; i < digits; i++) {
      d.append((char) ('0' + random.nextInt(10)));
    }
    // Exponent of the leading digit: mostly near zero, sometimes anywhere in -130…125.
    int exponent = random.nextBoolean() ? random.nextInt(-130, 126) : random.nextInt(-6, 20);
    String sign = random.nextInt(4) == 0 ? "-" : "";
    BigDecimal value = new BigDecimal(new BigInteger(d.toString()), digits - 1 - exponent);
    return switch (random.nextInt(3)) {
      case 0 -> sign + scientific(d, exponent);
      case 1 -> sign + (Math.abs(exponent) < 45 ? value.toPlainString() : value.toString());
      default -> sign + value;
    };
  }

  private static String scientific(CharSequence digits, int exponent) {
    StringBuilder s = new StringBuilder().append(digits.charAt(0));
    if (digits.length() > 1) {
      s.append('.').append(digits, 1, digits.length());
    }
    return s.append('E').append(exponent >= 0 ? "+" : "").append(exponent).toString();
  }

  /** Up to 32 random bytes, sometimes none, sometimes every byte value 0…255 once. */
  SdkBytes binary() {
    int pick = random.nextInt(10);
    byte[] bytes;
    if (pick == 0) {
      bytes = new byte[256];
      for (int i = 0; i < 256; i++) {
        bytes[i] = (byte) i;
      }
    } else {
      bytes = new byte[pick == 1 ? 0 : random.nextInt(MAX_BINARY + 1)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) random.nextInt(256);
      }
    }
    return SdkBytes.fromByteArray(bytes);
  }

  /** Draws one member of a set. */
  private interface Draw<T> {
    T next();
  }

  /** Identity of a set member: members with the same identity are the same member. */
  private interface Identity<T> {
    Object of(T member);
  }

  /** A set of 1…5 members that are distinct by {@code identity}. */
  private <T> List<T> distinct(Draw<T> draw, Identity<T> identity) {
    int size = 1 + random.nextInt(MAX_SET);
    List<T> members = new ArrayList<>();
    Set<Object> seen = new HashSet<>();
    for (int attempt = 0; members.size() < size && attempt < size * 4; attempt++) {
      T member = draw.next();
      if (seen.add(identity.of(member))) {
        members.add(member);
      }
    }
    return members;
  }
}
