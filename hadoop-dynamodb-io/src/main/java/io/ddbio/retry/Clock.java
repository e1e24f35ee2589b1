package io.ddbio.retry;

/**
 * A monotonic source of time, injected wherever code waits or measures elapsed time so tests can
 * run on a fake clock instead of the wall clock.
 */
@FunctionalInterface
public interface Clock {

  /**
   * Returns the current value of a monotonic time source in nanoseconds. Only differences between
   * two readings are meaningful; the origin is arbitrary.
   *
   * @return nanoseconds since an arbitrary, fixed origin
   */
  long nanoTime();

  /**
   * Returns the JVM's monotonic clock ({@link System#nanoTime()}).
   *
   * @return the system clock
   */
  static Clock system() {
    return System::nanoTime;
  }
}
