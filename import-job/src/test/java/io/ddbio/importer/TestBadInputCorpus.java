package io.ddbio.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.dynamodb.KeyAttribute;
import io.ddbio.importer.check.ItemCheck;
import io.ddbio.importer.layout.BackupLayout;
import io.ddbio.importer.lines.DataFileLines;
import io.ddbio.item.DataPipelineCodec;
import io.ddbio.item.ItemFormatException;
import io.ddbio.write.InvalidItemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Each case of the corpus of broken input, in the pure parts of the import that decide it: the
 * codec and {@link ItemCheck} for a line, {@link BackupLayout} and {@link DataFileLines} for a
 * file. The table in {@code docs/BAD-INPUT.md} says what to expect; {@code ITBadInput} runs the
 * same cases through the whole import.
 */
class TestBadInputCorpus {
  private static final ItemCheck CHECK =
      new ItemCheck(
          "Dest",
          List.of(
              new KeyAttribute("pk", ScalarAttributeType.S),
              new KeyAttribute("sk", ScalarAttributeType.N)));

  @TempDir Path tmp;

  static List<Corpus.Case> recordCases() {
    return Corpus.cases("record");
  }

  static List<Corpus.Case> toleratedCases() {
    return Corpus.cases("tolerated");
  }

  static List<Corpus.Case> fileCases() {
    return Corpus.cases("file");
  }

  /** Why a line is bad, as the mapper finds it; empty when it is a good item or blank. */
  private static Optional<String> problem(byte[] line) {
    if (DataPipelineCodec.isBlank(line, 0, line.length)) {
      return Optional.empty();
    }
    try {
      Map<String, AttributeValue> item = new DataPipelineCodec().decode(line, 0, line.length);
      CHECK.check(item);
      return Optional.empty();
    } catch (ItemFormatException e) {
      return Optional.of(e.reason());
    } catch (InvalidItemException e) {
      return Optional.of(e.getMessage());
    }
  }

  @Test
  void theTableListsExactlyTheCasesInTheCorpus() throws IOException {
    Set<String> inCorpus = new TreeSet<>();
    for (String kind : List.of("lines", "tolerated", "files")) {
      try (Stream<Path> entries = Files.list(Corpus.ROOT.resolve(kind))) {
        entries.forEach(p -> inCorpus.add(kind + "/" + p.getFileName()));
      }
    }
    Set<String> listed = new TreeSet<>();
    for (Corpus.Case c : Corpus.cases()) {
      assertTrue(Set.of("record", "tolerated", "file").contains(c.kind()), c + ": " + c.kind());
      assertTrue(listed.add(c.name()), c + " is listed twice");
      assertEquals(c.isRecord(), c.line() > 0, c + ": a line number goes with a record case");
      assertEquals(c.kind().equals("tolerated"), c.reportedAs().isEmpty(), c.name());
    }
    inCorpus.add(Corpus.OVERSIZE);

    assertEquals(inCorpus, listed, "docs/BAD-INPUT.md and " + Corpus.ROOT + " differ");
  }

  @ParameterizedTest
  @MethodSource("recordCases")
  void recordCaseIsBadOnItsLineOnlyForTheReasonListed(Corpus.Case c) throws IOException {
    List<byte[]> lines = Corpus.lines(Corpus.file(c, tmp));

    assertTrue(lines.size() >= c.line() && c.line() > 1, "good lines come before the bad one");
    for (int i = 0; i < lines.size(); i++) {
      Optional<String> problem = problem(lines.get(i));
      if (i + 1 == c.line()) {
        assertTrue(problem.isPresent(), c + ": line " + c.line() + " passed");
        assertTrue(problem.get().contains(c.reportedAs()), c + ": " + problem.get());
      } else {
        assertEquals(Optional.empty(), problem, c + ": line " + (i + 1));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("toleratedCases")
  void toleratedCaseHoldsOnlyGoodItems(Corpus.Case c) throws IOException {
    List<byte[]> lines = Corpus.lines(Corpus.file(c, tmp));

    int items = 0;
    for (byte[] line : lines) {
      assertEquals(Optional.empty(), problem(line), c.name());
      items += DataPipelineCodec.isBlank(line, 0, line.length) ? 0 : 1;
    }
    assertEquals(c.name().endsWith("empty-data-file"), items == 0, c + ": " + items + " items");
  }

  /**
   * A file case fails where the import would meet it: finding the files, or reading one of them to
   * its end.
   */
  @ParameterizedTest
  @MethodSource("fileCases")
  void fileCaseFailsWithTheMessageListed(Corpus.Case c) {
    Configuration conf = new Configuration();
    IOException e =
        assertThrows(
            IOException.class,
            () -> {
              BackupLayout layout =
                  BackupLayout.locate(Backups.hadoop(Corpus.ROOT.resolve(c.name())), conf, false);
              for (org.apache.hadoop.fs.Path p : layout.paths()) {
                Corpus.lines(Path.of(p.toUri()));
              }
            });
    assertTrue(e.getMessage().contains(c.reportedAs()), c + ": " + e.getMessage());
  }

  @Test
  void everyRecordCaseHasGoodLinesToImport() throws IOException {
    List<String> without = new ArrayList<>();
    for (Corpus.Case c : recordCases()) {
      if (Corpus.goodItems(c, Corpus.file(c, tmp), Integer.MAX_VALUE).size() < 2) {
        without.add(c.name());
      }
    }
    assertEquals(List.of(), without, "cases with fewer than two good lines");
  }
}
