package io.ddbio.item;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One line of a native DynamoDB "Export to S3", in {@code DYNAMODB_JSON} or Ion: either a full item
 * (<code>{"Item":{…}}</code>, from a full export) or a change (from an incremental export).
 *
 * @param kind what the line asks of the table
 * @param item the item to put: the {@code Item} of a full export line or the {@code NewImage} of a
 *     change; empty for {@link Kind#DELETE}
 * @param keys the {@code Keys} of a change; empty for {@link Kind#ITEM}
 * @param oldImage the {@code OldImage} of a change when the export has one, otherwise empty
 * @param writeTimestampMicros the {@code Metadata.WriteTimestampMicros} of a change, when present
 */
public record ExportLine(
    Kind kind,
    Map<String, AttributeValue> item,
    Map<String, AttributeValue> keys,
    Map<String, AttributeValue> oldImage,
    OptionalLong writeTimestampMicros) {

  /** What a line asks of the table. */
  public enum Kind {
    /** A full export's item. */
    ITEM,
    /**
     * A change that left {@link ExportLine#item()} in the table under {@link ExportLine#keys()}.
     */
    PUT,
    /** A change that removed the item with {@link ExportLine#keys()}. */
    DELETE
  }

  /**
   * Checks that the parts agree with the kind.
   *
   * @throws IllegalArgumentException if {@code item} is empty for a put or an item line, not empty
   *     for a delete, or {@code keys} are missing for a change
   */
  public ExportLine {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(oldImage, "oldImage");
    Objects.requireNonNull(writeTimestampMicros, "writeTimestampMicros");
    if ((kind == Kind.DELETE) != item.isEmpty()) {
      throw new IllegalArgumentException(
          "a " + kind + " line must " + (item.isEmpty() ? "" : "not ") + "have an item");
    }
    if ((kind == Kind.ITEM) != keys.isEmpty()) {
      throw new IllegalArgumentException(
          "a " + kind + " line must " + (keys.isEmpty() ? "" : "not ") + "have keys");
    }
  }

  /**
   * A full export's line.
   *
   * @param item the item
   * @return the line
   */
  public static ExportLine ofItem(Map<String, AttributeValue> item) {
    return new ExportLine(Kind.ITEM, item, Map.of(), Map.of(), OptionalLong.empty());
  }
}
