package io.ddbio.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.retry.DynamoDBIOException;
import io.ddbio.retry.FailureKind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestPrefetcher {

  private static final int PAGES = 20;

  /** A bound on waits that should end at once, so a broken prefetcher fails instead of hanging. */
  private static final long WAIT_SECONDS = 10;

  /** Pages 0..count-1, then null; counts calls and the thread they come on. */
  private static final class CountingSource implements Prefetcher.Source<Integer> {
    final int count;
    final IntFunction<IOException> failAt;
    final AtomicInteger calls = new AtomicInteger();
    final AtomicReference<Thread> thread = new AtomicReference<>();

    CountingSource(int count, IntFunction<IOException> failAt) {
      this.count = count;
      this.failAt = failAt;
    }

    @Override
    public Integer next() throws IOException {
      thread.compareAndSet(null, Thread.currentThread());
      int n = calls.getAndIncrement();
      IOException e = failAt.apply(n);
      if (e != null) {
        throw e;
      }
      return n < count ? n : null;
    }
  }

  @Test
  void everyPageOnceInOrderNeverMoreThanOneAhead() throws IOException {
    var source = new CountingSource(PAGES, n -> null);
    List<Integer> read = new ArrayList<>();
    try (var prefetcher = new Prefetcher<>(source, "test-prefetch")) {
      assertEquals(0, source.calls.get(), "nothing fetched before the first next()");
      for (Integer page = prefetcher.next(); page != null; page = prefetcher.next()) {
        read.add(page);
        int calls = source.calls.get();
        assertTrue(
            calls == read.size() || calls == read.size() + 1,
            "after " + read.size() + " pages the source was called " + calls + " times");
      }
      assertNull(prefetcher.next(), "stays at the end");
    }
    assertEquals(PAGES + 1, source.calls.get(), "one call per page plus the end");
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < PAGES; i++) {
      expected.add(i);
    }
    assertEquals(expected, read);
    assertTrue(source.thread.get().getName().equals("test-prefetch"));
    assertTrue(source.thread.get().isDaemon());
  }

  @Test
  void fetchesTheNextPageWhileTheCallerWorks() throws Exception {
    CountDownLatch secondAsked = new CountDownLatch(1);
    var source =
        new CountingSource(
            3,
            n -> {
              if (n == 1) {
                secondAsked.countDown();
              }
              return null;
            });
    try (var prefetcher = new Prefetcher<>(source, "test-prefetch")) {
      assertEquals(0, prefetcher.next());
      // The caller has not asked again, yet the second page is being fetched.
      assertTrue(secondAsked.await(WAIT_SECONDS, TimeUnit.SECONDS), "second page not prefetched");
      assertEquals(1, prefetcher.next());
      assertEquals(2, prefetcher.next());
      assertNull(prefetcher.next());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 7, PAGES - 1, PAGES})
  void aFailureIsThrownAsItWasAfterThePagesBeforeIt(int failing) throws IOException {
    var failure =
        new DynamoDBIOException(
            "Scan of table \"T\" segment 0/1",
            FailureKind.THROTTLED,
            3,
            Duration.ofSeconds(1),
            new RuntimeException("throttled"));
    var source = new CountingSource(PAGES, n -> n == failing ? failure : null);
    try (var prefetcher = new Prefetcher<>(source, "test-prefetch")) {
      for (int i = 0; i < failing; i++) {
        assertEquals(i, prefetcher.next());
      }
      IOException thrown = assertThrows(IOException.class, prefetcher::next);
      assertSame(failure, thrown);
      assertSame(failure, assertThrows(IOException.class, prefetcher::next), "and again");
    }
    assertEquals(failing + 1, source.calls.get(), "nothing fetched after the failure");
  }

  @Test
  void aRuntimeExceptionIsThrownAsItWas() throws IOException {
    var failure = new IllegalStateException("broken page");
    var source =
        new CountingSource(
            Integer.MAX_VALUE,
            n -> {
              if (n == 2) {
                throw failure;
              }
              return null;
            });
    try (var prefetcher = new Prefetcher<>(source, "test-prefetch")) {
      assertEquals(0, prefetcher.next());
      assertEquals(1, prefetcher.next());
      assertSame(failure, assertThrows(IllegalStateException.class, prefetcher::next));
    }
  }

  @Test
  void anInterruptedFetchIsThrownAsItWas() throws IOException {
    var source =
        new CountingSource(
            PAGES, n -> n == 1 ? new InterruptedIOException("Scan was interrupted") : null);
    try (var prefetcher = new Prefetcher<>(source, "test-prefetch")) {
      assertEquals(0, prefetcher.next());
      var thrown = assertThrows(InterruptedIOException.class, prefetcher::next);
      assertEquals("Scan was interrupted", thrown.getMessage());
    }
  }

  @Test
  void closeInterruptsAFetchUnderWayAndTheThreadEnds() throws Exception {
    CountDownLatch blocked = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    AtomicReference<Thread> thread = new AtomicReference<>();
    Prefetcher.Source<Integer> source =
        new Prefetcher.Source<>() {
          int n;

          @Override
          public Integer next() throws IOException {
            thread.set(Thread.currentThread());
            if (n == 1) {
              blocked.countDown();
              try {
                never.await();
              } catch (InterruptedException e) {
                interrupted.set(true);
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted");
              }
            }
            return n++;
          }
        };
    var prefetcher = new Prefetcher<>(source, "test-prefetch");
    assertEquals(0, prefetcher.next());
    assertTrue(blocked.await(WAIT_SECONDS, TimeUnit.SECONDS), "second fetch did not start");
    prefetcher.close();
    assertTrue(interrupted.get(), "the fetch under way was interrupted");
    assertFalse(thread.get().isAlive(), "the fetch thread ended within close()");
    assertThrows(IllegalStateException.class, prefetcher::next);
    prefetcher.close();
  }

  @Test
  void closeAfterTheEndOrBeforeTheStartEndsTheThread() throws IOException {
    var source = new CountingSource(2, n -> null);
    var prefetcher = new Prefetcher<>(source, "test-prefetch");
    while (prefetcher.next() != null) {}
    prefetcher.close();
    assertFalse(source.thread.get().isAlive());

    var unused = new CountingSource(2, n -> null);
    new Prefetcher<>(unused, "test-prefetch").close();
    assertEquals(0, unused.calls.get());
  }

  @Test
  void closeKeepsTheCallersInterrupt() throws IOException {
    var source = new CountingSource(PAGES, n -> null);
    var prefetcher = new Prefetcher<>(source, "test-prefetch");
    assertEquals(0, prefetcher.next());
    Thread.currentThread().interrupt();
    try {
      prefetcher.close();
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }

  /**
   * A fetch that, once interrupted, still needs a while to end (as an SDK call unwinding does),
   * released by the test: lets a test see whether close() waited for it.
   */
  private static final class SlowToStopSource implements Prefetcher.Source<Integer> {
    final CountDownLatch blocked = new CountDownLatch(1);
    final CountDownLatch interrupted = new CountDownLatch(1);
    final CountDownLatch mayEnd = new CountDownLatch(1);
    final AtomicBoolean ended = new AtomicBoolean();
    int n;

    @Override
    public Integer next() throws IOException {
      if (n++ == 0) {
        return 0;
      }
      blocked.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        interrupted.countDown();
      }
      // Deliberately deaf to further interrupts until the test lets it end.
      while (true) {
        try {
          if (mayEnd.await(WAIT_SECONDS * 6, TimeUnit.SECONDS)) {
            break;
          }
        } catch (InterruptedException again) {
          // keep unwinding
        }
      }
      ended.set(true);
      throw new InterruptedIOException("interrupted");
    }
  }

  @Test
  void closeByAnInterruptedCallerWaitsForTheFetchAndKeepsTheInterrupt() throws Exception {
    var source = new SlowToStopSource();
    var prefetcher = new Prefetcher<>(source, "test-prefetch");
    assertEquals(0, prefetcher.next());
    assertTrue(source.blocked.await(WAIT_SECONDS, TimeUnit.SECONDS), "second fetch did not start");

    AtomicBoolean fetchEndedWhenCloseReturned = new AtomicBoolean();
    AtomicBoolean interruptedAfterClose = new AtomicBoolean();
    AtomicReference<Throwable> closeFailure = new AtomicReference<>();
    // The prefetcher has one caller thread; it is handed over here, after the last next().
    Thread caller =
        new Thread(
            () -> {
              Thread.currentThread().interrupt();
              try {
                prefetcher.close();
              } catch (Throwable t) {
                closeFailure.set(t);
              }
              fetchEndedWhenCloseReturned.set(source.ended.get());
              interruptedAfterClose.set(Thread.currentThread().isInterrupted());
            },
            "test-caller");
    caller.start();
    try {
      assertTrue(
          source.interrupted.await(WAIT_SECONDS, TimeUnit.SECONDS),
          "close did not interrupt the fetch");
      // Long enough for a close that does not wait to have returned.
      caller.join(200);
      assertTrue(caller.isAlive(), "close returned while the fetch was still running");
    } finally {
      source.mayEnd.countDown();
      caller.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }
    assertFalse(caller.isAlive(), "close did not return once the fetch ended");
    assertNull(closeFailure.get(), "close failed");
    assertTrue(fetchEndedWhenCloseReturned.get(), "close returned before the fetch ended");
    assertTrue(interruptedAfterClose.get(), "the caller's interrupt was not restored");
  }

  @Test
  void aFetchThatOutlivesTheBoundFailsClose() throws Exception {
    var source = new SlowToStopSource();
    var prefetcher = new Prefetcher<>(source, "test-prefetch", Duration.ofMillis(100));
    assertEquals(0, prefetcher.next());
    assertTrue(source.blocked.await(WAIT_SECONDS, TimeUnit.SECONDS), "second fetch did not start");
    Thread.currentThread().interrupt();
    try {
      IOException thrown = assertThrows(IOException.class, prefetcher::close);
      assertTrue(thrown.getMessage().contains("test-prefetch"), thrown.getMessage());
      assertTrue(Thread.currentThread().isInterrupted(), "the caller's interrupt was not restored");
    } finally {
      Thread.interrupted();
      source.mayEnd.countDown();
    }
  }
}
