package io.ddbio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The DynamoDB core must stay usable without Hadoop: only io.ddbio.mapreduce may import it. */
class TestNoHadoopInCore {

  @Test
  void onlyTheMapReducePackageImportsHadoop() throws IOException {
    Path root = Path.of("src", "main", "java", "io", "ddbio");
    Path adapter = root.resolve("mapreduce");
    List<String> offenders;
    try (Stream<Path> files = Files.walk(root)) {
      offenders =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> !p.startsWith(adapter))
              .filter(TestNoHadoopInCore::importsHadoop)
              .map(Path::toString)
              .toList();
    }
    assertEquals(List.of(), offenders);
  }

  @Test
  void noClassInHadoopsNamespace() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src"))) {
      assertEquals(
          List.of(),
          files
              .filter(p -> p.toString().contains("org/apache/hadoop"))
              .map(Path::toString)
              .toList());
    }
  }

  private static boolean importsHadoop(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .anyMatch(
              l -> l.startsWith("import org.apache.hadoop") || l.contains(" org.apache.hadoop."));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
