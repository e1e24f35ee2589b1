package io.ddbio.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * One key attribute of a table: its name and scalar type.
 *
 * @param name the attribute name
 * @param type S, N or B
 */
public record KeyAttribute(String name, ScalarAttributeType type) {

  /** Whether {@code value} has this key's type. */
  public boolean accepts(AttributeValue value) {
    return switch (type) {
      case S -> value.s() != null;
      case N -> value.n() != null;
      case B -> value.b() != null;
      default -> false;
    };
  }

  @Override
  public String toString() {
    return name + " (" + type + ")";
  }
}
