package io.ddbio.export.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TestParallelReads {
  @Test
  void resultsComeInTheInputsOrder() throws IOException {
    List<Integer> inputs = IntStream.range(0, 1000).boxed().toList();
    List<String> results = ParallelReads.readAll(inputs, i -> "r" + i);
    assertEquals(inputs.stream().map(i -> "r" + i).toList(), results);
  }

  @Test
  void aFailedReadFailsTheWholeWithItsOwnException() {
    List<Integer> inputs = IntStream.range(0, 100).boxed().toList();
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                ParallelReads.readAll(
                    inputs,
                    i -> {
                      if (i == 57) {
                        throw new IOException("record 57 is not readable");
                      }
                      return i;
                    }));
    assertEquals("record 57 is not readable", e.getMessage());
  }

  @Test
  void noneAndOneNeedNoPool() throws IOException {
    assertEquals(List.of(), ParallelReads.readAll(List.<Integer>of(), i -> i));
    assertEquals(List.of(2), ParallelReads.readAll(List.of(1), i -> i + 1));
  }
}
