package io.ddbio.item;

/**
 * A line or item that does not follow the item format rules.
 *
 * <p>The codec knows the attribute path of the problem but not the file or line it came from; the
 * record readers that call it add those and keep {@link #reason()} as the human-readable core.
 */
public final class ItemFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  /**
   * Creates the exception.
   *
   * @param reason what is wrong, naming the attribute path where there is one, e.g. {@code unknown
   *     type tag "x" in attribute "a.b[2]"}
   */
  public ItemFormatException(String reason) {
    super(reason);
    this.reason = reason;
  }

  /**
   * Creates the exception with the underlying cause (a JSON syntax error, say).
   *
   * @param reason what is wrong, naming the attribute path where there is one
   * @param cause the lower-level failure
   */
  public ItemFormatException(String reason, Throwable cause) {
    super(reason, cause);
    this.reason = reason;
  }

  /**
   * Returns the short human-readable reason, without file or line.
   *
   * @return the reason, e.g. {@code duplicate set member "a" in attribute "tags"}
   */
  public String reason() {
    return reason;
  }
}
