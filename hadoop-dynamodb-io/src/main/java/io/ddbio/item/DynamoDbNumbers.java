package io.ddbio.item;

/**
 * DynamoDB's rules for the number type, checked on the number's string form.
 *
 * <p>What is accepted, modelled on the grammar DynamoDB's own (Java {@code BigDecimal}-style)
 * parser takes and on its documented limits:
 *
 * <ul>
 *   <li>syntax: an optional sign ({@code +} or {@code -}), decimal digits with at most one decimal
 *       point and at least one digit on either side of it ({@code 5}, {@code .5}, {@code 5.},
 *       {@code +1}), then optionally {@code e} or {@code E}, an optional sign and at least one
 *       digit ({@code 1e5}, {@code 1E+100}, {@code 2.5e-3});
 *   <li>rejected syntax: the empty string, any whitespace (leading, trailing or inside), {@code
 *       NaN}, {@code Infinity}, hexadecimal, digit group separators, non-ASCII digits, a bare
 *       {@code .} or sign, an exponent without digits;
 *   <li>precision: at most 38 significant digits, counted from the first to the last non-zero digit
 *       (so {@code 100} has one, {@code 0.0010} has one, {@code 1.01} has three);
 *   <li>range: zero (in any spelling, including {@code -0} and {@code 0e999}), or a magnitude from
 *       {@code 1E-130} to {@code 9.9999999999999999999999999999999999999E+125}; the exponent of the
 *       leading significant digit must lie in -130…125.
 * </ul>
 *
 * <p>The checks are a hand-written scan of the characters: no {@code BigDecimal}, no regular
 * expression, no exception unless the number is invalid.
 */
public final class DynamoDbNumbers {
  /** The most significant digits a DynamoDB number may have. */
  public static final int MAX_SIGNIFICANT_DIGITS = 38;

  /** The smallest exponent of a non-zero number's leading digit ({@code 1E-130}). */
  public static final int MIN_EXPONENT = -130;

  /** The largest exponent of a number's leading digit ({@code 9.99…E+125}). */
  public static final int MAX_EXPONENT = 125;

  private static final int QUOTE_LIMIT = 60;

  private DynamoDbNumbers() {}

  /**
   * Checks that {@code n} is a number DynamoDB accepts (see the class comment for the rules).
   *
   * @param n the number as written
   * @throws ItemFormatException naming the number and what is wrong with it
   */
  public static void validate(String n) {
    String problem = problem(n);
    if (problem != null) {
      throw new ItemFormatException(problem);
    }
  }

  /**
   * Tells whether two numbers have the same value, whatever their spelling: {@code 1} and {@code
   * 1.0}, {@code 1E+2} and {@code 100}, {@code 0} and {@code -0.00} are the same.
   *
   * @param a a number in the syntax described in the class comment (range is not checked)
   * @param b another
   * @return true if both denote the same value
   * @throws ItemFormatException if either is not a number at all
   */
  public static boolean sameNumber(String a, String b) {
    Scan x = scanOrThrow(a);
    Scan y = scanOrThrow(b);
    if (x.zero || y.zero) {
      return x.zero && y.zero;
    }
    if (x.negative != y.negative || x.digits != y.digits || x.exponent != y.exponent) {
      return false;
    }
    int i = x.first;
    int j = y.first;
    for (int k = 0; k < x.digits; k++, i++, j++) {
      if (a.charAt(i) == '.') {
        i++;
      }
      if (b.charAt(j) == '.') {
        j++;
      }
      if (a.charAt(i) != b.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  /** What is wrong with {@code n}, or null if DynamoDB accepts it. */
  static String problem(String n) {
    if (isShortPlainNumber(n)) {
      return null;
    }
    Scan s = Scan.of(n);
    if (s == null) {
      return "invalid number "
          + quote(n)
          + " (expected an optional sign, digits with an optional fraction, an optional exponent)";
    }
    if (s.zero) {
      return null;
    }
    if (s.digits > MAX_SIGNIFICANT_DIGITS) {
      return "number "
          + quote(n)
          + " has "
          + s.digits
          + " significant digits; DynamoDB keeps at most 38";
    }
    if (s.exponent < MIN_EXPONENT) {
      return "number " + quote(n) + " is out of range: its magnitude is below 1E-130";
    }
    if (s.exponent > MAX_EXPONENT) {
      return "number "
          + quote(n)
          + " is out of range: its magnitude is above 9.9999999999999999999999999999999999999E+125";
    }
    return null;
  }

  /**
   * The common case, checked without allocating: an optional sign and at most 38 characters of
   * digits with at most one decimal point. Such a number cannot have more than 38 significant
   * digits, and its magnitude lies between 1E-37 and 1E+38, well inside DynamoDB's range.
   */
  private static boolean isShortPlainNumber(String n) {
    int len = n.length();
    int i = len > 0 && (n.charAt(0) == '-' || n.charAt(0) == '+') ? 1 : 0;
    if (len - i > MAX_SIGNIFICANT_DIGITS) {
      return false;
    }
    boolean digit = false;
    boolean point = false;
    for (; i < len; i++) {
      char c = n.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        return false;
      }
    }
    return digit;
  }

  /**
   * A spelling shared by every number of the same value ({@code -12E3} for {@code -12000}), so that
   * sets can find duplicates by hashing and keys can be compared as DynamoDB compares them.
   *
   * @throws ItemFormatException when {@code n} is not a number
   */
  public static String canonical(String n) {
    Scan s = scanOrThrow(n);
    if (s.zero) {
      return "0";
    }
    StringBuilder out = new StringBuilder(s.digits + 8);
    if (s.negative) {
      out.append('-');
    }
    for (int i = s.first; i <= s.last; i++) {
      char c = n.charAt(i);
      if (c != '.') {
        out.append(c);
      }
    }
    return out.append('E').append(s.exponent).toString();
  }

  /** The number of significant digits of {@code n}; zero has none. */
  static int significantDigits(String n) {
    Scan s = scanOrThrow(n);
    return s.zero ? 0 : s.digits;
  }

  private static Scan scanOrThrow(String n) {
    Scan s = Scan.of(n);
    if (s == null) {
      throw new ItemFormatException(problem(n));
    }
    return s;
  }

  private static String quote(String n) {
    return '"' + (n.length() > QUOTE_LIMIT ? n.substring(0, QUOTE_LIMIT) + "…" : n) + '"';
  }

  /** The parts of a syntactically valid number. */
  private static final class Scan {
    /** Beyond any legal exponent; larger written exponents saturate here instead of overflowing. */
    private static final long EXPONENT_CAP = 1_000_000_000L;

    boolean negative;
    boolean zero;

    /** String index of the first and last non-zero mantissa digit. */
    int first = -1;

    int last = -1;
    int digits;

    /** Decimal exponent of the leading significant digit. */
    long exponent;

    /** Scans {@code n}, or returns null if it is not a number at all. */
    static Scan of(String n) {
      int len = n.length();
      if (len == 0) {
        return null;
      }
      Scan s = new Scan();
      int i = 0;
      char c = n.charAt(0);
      if (c == '+' || c == '-') {
        s.negative = c == '-';
        i++;
      }
      int mantissaDigits = 0;
      int integerDigits = -1;
      int firstPos = -1;
      int lastPos = -1;
      for (; i < len; i++) {
        c = n.charAt(i);
        if (c >= '0' && c <= '9') {
          if (c != '0') {
            if (firstPos < 0) {
              firstPos = mantissaDigits;
              s.first = i;
            }
            lastPos = mantissaDigits;
            s.last = i;
          }
          mantissaDigits++;
        } else if (c == '.' && integerDigits < 0) {
          integerDigits = mantissaDigits;
        } else {
          break;
        }
      }
      if (mantissaDigits == 0) {
        return null;
      }
      if (integerDigits < 0) {
        integerDigits = mantissaDigits;
      }
      long written = 0;
      if (i < len) {
        c = n.charAt(i++);
        if ((c != 'e' && c != 'E') || i == len) {
          return null;
        }
        boolean negativeExponent = false;
        c = n.charAt(i);
        if (c == '+' || c == '-') {
          negativeExponent = c == '-';
          if (++i == len) {
            return null;
          }
        }
        for (; i < len; i++) {
          c = n.charAt(i);
          if (c < '0' || c > '9') {
            return null;
          }
          if (written < EXPONENT_CAP) {
            written = written * 10 + (c - '0');
          }
        }
        written = negativeExponent ? -written : written;
      }
      if (firstPos < 0) {
        s.zero = true;
        return s;
      }
      s.digits = lastPos - firstPos + 1;
      s.exponent = (long) integerDigits - 1 - firstPos + written;
      return s;
    }
  }
}
