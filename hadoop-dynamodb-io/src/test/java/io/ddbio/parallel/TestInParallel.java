package io.ddbio.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TestInParallel {
  @Test
  void resultsComeInTheInputsOrder() throws IOException {
    List<Integer> inputs = IntStream.range(0, 1000).boxed().toList();
    List<String> results = InParallel.map(inputs, 8, "testing", i -> "r" + i);
    assertEquals(inputs.stream().map(i -> "r" + i).toList(), results);
  }

  @Test
  void aFailedReadFailsTheWholeWithItsOwnException() {
    List<Integer> inputs = IntStream.range(0, 100).boxed().toList();
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                InParallel.map(
                    inputs,
                    8,
                    "testing",
                    i -> {
                      if (i == 57) {
                        throw new IOException("record 57 is not readable");
                      }
                      return i;
                    }));
    assertEquals("record 57 is not readable", e.getMessage());
  }

  @Test
  void aRangeCountsFromZero() {
    assertEquals(List.of(0, 1, 2), InParallel.range(3));
    assertEquals(List.of(), InParallel.range(0));
  }

  @Test
  void noneAndOneNeedNoPool() throws IOException {
    assertEquals(List.of(), InParallel.map(List.<Integer>of(), 8, "testing", i -> i));
    assertEquals(List.of(2), InParallel.map(List.of(1), 8, "testing", i -> i + 1));
  }
}
