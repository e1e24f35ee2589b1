package io.ddbio.item;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which items DynamoDB's time to live holds expired at a moment, for {@code --skip-expired}: an
 * expired item stays readable until DynamoDB deletes it, which it does only eventually (typically
 * within a few days), so a backup holds such items and a restore would bring back items the
 * application believes gone.
 *
 * <p>As DynamoDB's documentation defines it, an item is expired when its time-to-live attribute is
 * a top-level Number holding epoch seconds earlier than now, and no more than five years earlier:
 * DynamoDB ignores an item whose attribute is missing, of another type, or older than that (so a
 * value in milliseconds, which reads as a far future, never expires), and such items stay in the
 * table for good, so they are kept here too.
 *
 * @param attribute the table's time-to-live attribute
 * @param asOf the moment expiry is judged at, in epoch seconds: the export's or import's start, so
 *     that every task of a job draws the same line
 * @param oldest the earliest expiry DynamoDB still acts on, five years before {@code asOf}, in
 *     epoch seconds; worked out once, as every item of a job is judged against it
 */
public record Expiry(String attribute, long asOf, long oldest) {
  /** How far back DynamoDB still expires an item: five years. */
  static final int YEARS_DELETED = 5;

  /** The rule for {@code attribute} as of {@code asOf}, in epoch seconds. */
  public Expiry(String attribute, long asOf) {
    this(
        attribute,
        asOf,
        Instant.ofEpochSecond(asOf)
            .atOffset(ZoneOffset.UTC)
            .minusYears(YEARS_DELETED)
            .toEpochSecond());
  }

  /** The rule for {@code attribute} as of {@code moment}. */
  public static Expiry at(String attribute, Instant moment) {
    return new Expiry(attribute, moment.getEpochSecond());
  }

  /** Whether DynamoDB holds {@code item} expired as of {@link #asOf}. */
  public boolean expired(Map<String, AttributeValue> item) {
    AttributeValue v = item.get(attribute);
    if (v == null || v.n() == null) {
      return false;
    }
    String n = v.n();
    if (isWholeNumber(n)) {
      // The usual case, without a BigDecimal per item: epoch seconds, at most 19 digits.
      long seconds = Long.parseLong(n);
      return seconds < asOf && seconds >= oldest;
    }
    BigDecimal seconds;
    try {
      seconds = new BigDecimal(n);
    } catch (NumberFormatException e) {
      return false;
    }
    return seconds.compareTo(BigDecimal.valueOf(asOf)) < 0
        && seconds.compareTo(BigDecimal.valueOf(oldest)) >= 0;
  }

  /** Digits with an optional sign, short enough for a long: what Long.parseLong takes for sure. */
  private static boolean isWholeNumber(String n) {
    int start = n.startsWith("-") ? 1 : 0;
    if (n.length() == start || n.length() - start > 18) {
      return false;
    }
    for (int i = start; i < n.length(); i++) {
      char c = n.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
