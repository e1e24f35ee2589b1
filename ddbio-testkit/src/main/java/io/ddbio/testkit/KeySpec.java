package io.ddbio.testkit;

import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * One key attribute of a table: its name and scalar type.
 *
 * @param name the attribute name
 * @param type string, number or binary
 */
public record KeySpec(String name, ScalarAttributeType type) {
  /** Checks that both parts are given. */
  public KeySpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** A string key attribute. */
  public static KeySpec string(String name) {
    return new KeySpec(name, ScalarAttributeType.S);
  }

  /** A number key attribute. */
  public static KeySpec number(String name) {
    return new KeySpec(name, ScalarAttributeType.N);
  }

  /** A binary key attribute. */
  public static KeySpec binary(String name) {
    return new KeySpec(name, ScalarAttributeType.B);
  }

  AttributeDefinition definition() {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  KeySchemaElement element(KeyType keyType) {
    return KeySchemaElement.builder().attributeName(name).keyType(keyType).build();
  }
}
