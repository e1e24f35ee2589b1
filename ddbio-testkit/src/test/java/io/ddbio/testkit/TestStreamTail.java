package io.ddbio.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class TestStreamTail {
  @Test
  void handsOnEveryLineAndKeepsTheLastOnes() throws InterruptedException {
    List<String> seen = new CopyOnWriteArrayList<>();
    CountDownLatch ended = new CountDownLatch(1);
    byte[] output = "one\ntwo\nthree\nfour\nfive\n".getBytes(StandardCharsets.UTF_8);

    StreamTail tail =
        StreamTail.start(new ByteArrayInputStream(output), 3, seen::add, ended::countDown, "tail");
    tail.awaitEnd(Duration.ofSeconds(10));

    assertEquals(0, ended.getCount(), "the end of the stream was reported");
    assertEquals(List.of("one", "two", "three", "four", "five"), seen);
    assertEquals(String.join(System.lineSeparator(), "three", "four", "five"), tail.lastLines());
  }
}
