package io.ddbio.scan;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Fetches the next page on a background thread while the caller works on the current one, so the
 * service is not idle while the caller encodes and writes.
 *
 * <p>At most one page is in flight ahead of the caller: the next fetch starts when {@link #next()}
 * hands a page over, so memory is the caller's page plus one. The source is called on the one
 * background thread only, one call at a time and in order, so it need not be thread-safe. A failure
 * of the source is thrown from {@link #next()} as it was thrown (the same exception), and again on
 * any later call; nothing after it is fetched.
 *
 * <p>Not thread-safe: one caller thread.
 *
 * @param <P> a page
 */
public final class Prefetcher<P> implements Closeable {
  /**
   * How long {@link #close()} waits for an interrupted fetch to give up: longer than one request
   * attempt may take ({@code dynamodb.http.attempt.timeout}, 30 s by default), since a blocking
   * socket read ignores the interrupt and ends only with the attempt.
   */
  static final Duration CLOSE_WAIT = Duration.ofSeconds(60);

  /** Where pages come from. */
  @FunctionalInterface
  public interface Source<P> {
    /**
     * Returns the next page, or null when there are no more. Called on the background thread.
     *
     * @throws IOException when the page cannot be fetched
     */
    P next() throws IOException;
  }

  private final Source<P> source;
  private final String name;
  private final Duration closeWait;
  private final ExecutorService executor;
  private Thread thread;
  private Future<P> inFlight;
  private Throwable failure;
  private boolean ended;
  private boolean closed;

  /**
   * Creates the prefetcher; nothing is fetched until the first {@link #next()}.
   *
   * @param threadName the background thread's name
   */
  public Prefetcher(Source<P> source, String threadName) {
    this(source, threadName, CLOSE_WAIT);
  }

  /** As {@link #Prefetcher(Source, String)}, with how long {@link #close()} waits for the fetch. */
  Prefetcher(Source<P> source, String threadName, Duration closeWait) {
    this.source = Objects.requireNonNull(source, "source");
    this.name = Objects.requireNonNull(threadName, "threadName");
    this.closeWait = Objects.requireNonNull(closeWait, "closeWait");
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              thread = t;
              return t;
            });
  }

  /**
   * Returns the next page, waiting for it if it is still being fetched, and starts fetching the one
   * after.
   *
   * @return the page, or null when the source has no more
   * @throws IOException as the source threw it, or {@link InterruptedIOException} when this thread
   *     is interrupted while waiting (its interrupt flag is restored)
   */
  public P next() throws IOException {
    if (closed) {
      throw new IllegalStateException(name + " is closed");
    }
    rethrowFailure();
    if (ended) {
      return null;
    }
    if (inFlight == null) {
      inFlight = executor.submit(source::next);
    }
    P page;
    try {
      page = inFlight.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException ie =
          new InterruptedIOException("waiting for the next page of " + name + " was interrupted");
      ie.initCause(e);
      throw ie;
    } catch (ExecutionException e) {
      inFlight = null;
      failure = e.getCause() == null ? e : e.getCause();
      rethrowFailure();
      throw new AssertionError("unreachable");
    }
    inFlight = null;
    if (page == null) {
      ended = true;
    } else {
      inFlight = executor.submit(source::next);
    }
    return page;
  }

  private void rethrowFailure() throws IOException {
    if (failure == null) {
      return;
    }
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof RuntimeException re) {
      throw re;
    }
    if (failure instanceof Error err) {
      throw err;
    }
    throw new IOException(name + " failed", failure);
  }

  /**
   * Cancels a fetch under way (interrupting it) and waits, at most {@link #CLOSE_WAIT}, for the
   * background thread to end, so that nothing uses what the source uses once this returns. What was
   * fetched ahead is dropped. It waits even when the calling thread is interrupted (the task being
   * killed is exactly when the reader closes its session next); the caller's interrupt flag is set
   * again on return.
   *
   * @throws IOException when the background thread is still running after the wait: it may still be
   *     using the source, and the caller must not carry on as if it had stopped
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (inFlight != null) {
      inFlight.cancel(true);
      inFlight = null;
    }
    executor.shutdownNow();
    // A join on an interrupted thread returns at once; clear the flag so the join really waits,
    // and put it back afterwards, whatever happens.
    boolean interrupted = Thread.interrupted();
    try {
      Thread t = thread;
      if (t == null) {
        return;
      }
      long deadline = System.nanoTime() + closeWait.toNanos();
      for (long left = closeWait.toNanos(); t.isAlive() && left > 0; ) {
        try {
          TimeUnit.NANOSECONDS.timedJoin(t, left);
        } catch (InterruptedException e) {
          // Interrupted again while waiting: still wait out the bound, then restore the flag.
          interrupted = true;
        }
        left = deadline - System.nanoTime();
      }
      if (t.isAlive()) {
        throw new IOException(
            name
                + " was interrupted but is still fetching after "
                + closeWait.toMillis()
                + " ms; it may still be using the DynamoDB session, so the reader cannot close"
                + " cleanly (look for a Scan call that ignores interrupts)");
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
