package io.ddbio.retry;

import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import software.amazon.awssdk.core.exception.AbortedException;

/** Recognises failures that mean "this thread was asked to stop" rather than "the call failed". */
final class Interruptions {

  private static final int MAX_CAUSE_DEPTH = 16;

  private Interruptions() {}

  /**
   * Returns whether {@code t}, or a cause of it, reports an interrupt. The SDK reports an interrupt
   * during a call as {@link AbortedException}; plain {@link InterruptedIOException} is an
   * interrupt, but its subclass {@link java.net.SocketTimeoutException} is a timeout and is not.
   */
  static boolean isInterruption(Throwable t) {
    int depth = 0;
    for (Throwable c = t; c != null && depth < MAX_CAUSE_DEPTH; c = c.getCause(), depth++) {
      if (c instanceof InterruptedException
          || c instanceof AbortedException
          || c instanceof ClosedByInterruptException
          || c.getClass() == InterruptedIOException.class) {
        return true;
      }
    }
    return false;
  }

  /**
   * Restores the thread's interrupt flag (so that callers up the stack still see it) and returns
   * the exception to throw in place of {@code cause}.
   */
  static InterruptedIOException interrupted(String operation, Throwable cause) {
    Thread.currentThread().interrupt();
    InterruptedIOException e = new InterruptedIOException(operation + " was interrupted");
    e.initCause(cause);
    return e;
  }
}
