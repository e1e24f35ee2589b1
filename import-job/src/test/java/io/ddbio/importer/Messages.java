package io.ddbio.importer;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import's tests' one way to check what a failure or warning message says. */
public final class Messages {
  private Messages() {}

  /**
   * Fails unless {@code message} holds each of {@code parts}: one check per part, each showing the
   * whole message when it fails.
   */
  public static void assertMentions(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), message);
    }
  }
}
