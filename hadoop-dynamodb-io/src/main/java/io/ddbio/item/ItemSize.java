package io.ddbio.item;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The size DynamoDB counts for an item: what the 400 KB item limit is checked against and what read
 * and write capacity is charged for.
 *
 * <p>The rules, from the DynamoDB developer guide ("Item sizes and formats"):
 *
 * <ul>
 *   <li>each attribute: the UTF-8 length of its name plus the size of its value;
 *   <li>{@code S}: its UTF-8 length; {@code B}: its length in bytes;
 *   <li>{@code N}: one byte per two significant digits, rounded up, plus one byte (leading and
 *       trailing zeros are not stored; zero takes one byte) — DynamoDB calls this approximate,
 *       since its internal encoding also depends on where the decimal point falls;
 *   <li>{@code SS}, {@code NS}, {@code BS}: the sum of their members' sizes;
 *   <li>{@code M} and {@code L}: 3 bytes, plus 1 byte for each element, plus the elements' sizes (a
 *       map element's size includes its key's UTF-8 length);
 *   <li>{@code BOOL} and {@code NULL}: 1 byte.
 * </ul>
 */
public final class ItemSize {
  /** DynamoDB's largest item, 400 KB. */
  public static final long MAX_ITEM_BYTES = 400 * 1024;

  private static final int CONTAINER_OVERHEAD = 3;
  private static final int ELEMENT_OVERHEAD = 1;

  private ItemSize() {}

  /**
   * The message for an item over {@link #MAX_ITEM_BYTES}, the same whether the import's check or
   * the writer finds it.
   *
   * @param item how the item is named, e.g. its key
   * @param size its size by {@link #of}
   * @param table the table it was to be written to
   */
  public static String overLimitMessage(String item, long size, String table) {
    return "Item "
        + item
        + " is "
        + size
        + " bytes, over DynamoDB's limit of "
        + MAX_ITEM_BYTES
        + " bytes for table \""
        + table
        + "\"";
  }

  /**
   * Returns the size of {@code item} by DynamoDB's rules.
   *
   * @param item the item
   * @return its size in bytes
   * @throws ItemFormatException if a number is not a number at all
   */
  public static long of(Map<String, AttributeValue> item) {
    long size = 0;
    for (Map.Entry<String, AttributeValue> entry : item.entrySet()) {
      size += utf8Length(entry.getKey()) + valueSize(entry.getValue());
    }
    return size;
  }

  private static long valueSize(AttributeValue value) {
    return switch (value.type()) {
      case S -> utf8Length(value.s());
      case N -> numberSize(value.n());
      case B -> value.b().asByteArrayUnsafe().length;
      case SS -> sumStrings(value.ss());
      case NS -> sumNumbers(value.ns());
      case BS -> sumBinaries(value.bs());
      case M -> {
        long size = CONTAINER_OVERHEAD;
        for (Map.Entry<String, AttributeValue> e : value.m().entrySet()) {
          size += ELEMENT_OVERHEAD + utf8Length(e.getKey()) + valueSize(e.getValue());
        }
        yield size;
      }
      case L -> {
        long size = CONTAINER_OVERHEAD;
        for (AttributeValue element : value.l()) {
          size += ELEMENT_OVERHEAD + valueSize(element);
        }
        yield size;
      }
      case BOOL, NUL -> 1;
      default -> throw new ItemFormatException("attribute value holds no type");
    };
  }

  private static long numberSize(String n) {
    return (DynamoDbNumbers.significantDigits(n) + 1) / 2 + 1;
  }

  private static long sumStrings(List<String> members) {
    long size = 0;
    for (String s : members) {
      size += utf8Length(s);
    }
    return size;
  }

  private static long sumNumbers(List<String> members) {
    long size = 0;
    for (String n : members) {
      size += numberSize(n);
    }
    return size;
  }

  private static long sumBinaries(List<SdkBytes> members) {
    long size = 0;
    for (SdkBytes b : members) {
      size += b.asByteArrayUnsafe().length;
    }
    return size;
  }

  /**
   * The UTF-8 length of {@code s}, counted without encoding it. An unpaired surrogate (not valid
   * text, so never in an item DynamoDB returned) counts as three bytes, its size in CESU-8.
   */
  static long utf8Length(String s) {
    int len = s.length();
    long bytes = len;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          bytes += 1;
        } else if (Character.isHighSurrogate(c)
            && i + 1 < len
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          bytes += 2;
          i++;
        } else {
          bytes += 2;
        }
      }
    }
    return bytes;
  }
}
