package io.ddbio.item;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A problem found deep inside an item, collecting its attribute path while the reader unwinds.
 *
 * <p>Each map or list frame that the failure passes through prepends its own name or index, so the
 * normal (successful) path never builds a path at all. Only {@link #toException} leaves the
 * package.
 */
final class BadValue extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String problem;
  private final transient Deque<Object> path = new ArrayDeque<>();

  BadValue(String problem) {
    this(problem, null);
  }

  BadValue(String problem, Throwable cause) {
    // No stack trace: this is turned into an ItemFormatException carrying the cause instead.
    super(problem, cause, false, false);
    this.problem = problem;
  }

  /** Prepends a map key to the path. */
  BadValue in(String attributeName) {
    path.addFirst(attributeName);
    return this;
  }

  /** Prepends a list or set index to the path. */
  BadValue at(int index) {
    path.addFirst(index);
    return this;
  }

  /**
   * The public exception, naming the attribute path (for example {@code a.b[2]}) if there is one.
   */
  ItemFormatException toException() {
    return toException(null);
  }

  /**
   * The public exception, with {@code part} (such as {@code NewImage}) naming the part of a line
   * that held the item.
   */
  ItemFormatException toException(String part) {
    StringBuilder reason = new StringBuilder(problem);
    if (!path.isEmpty()) {
      reason.append(" in attribute \"");
      boolean first = true;
      for (Object segment : path) {
        if (segment instanceof Integer) {
          reason.append('[').append(segment).append(']');
        } else {
          if (!first) {
            reason.append('.');
          }
          reason.append(segment);
        }
        first = false;
      }
      reason.append('"');
    }
    if (part != null) {
      reason.append(path.isEmpty() ? " in " : " of ").append(part);
    }
    return new ItemFormatException(reason.toString(), getCause());
  }
}
