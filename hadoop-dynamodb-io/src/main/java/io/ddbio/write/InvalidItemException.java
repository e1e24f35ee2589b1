package io.ddbio.write;

/**
 * An item that DynamoDB would reject (missing key, nested too deep, over 400 KB). Its message names
 * the table and the item's key; the caller adds where the item came from.
 */
public final class InvalidItemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidItemException(String message) {
    super(message);
  }
}
