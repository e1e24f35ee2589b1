package io.ddbio.testkit;

import io.ddbio.testkit.items.DynamoDbJsonLines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The repository's shared fixture set: one set of items written out in every layout the importer
 * reads (see {@code fixtures/README.md}).
 */
public final class Fixtures {
  private static final String CANONICAL = "items.jsonl";

  private Fixtures() {}

  /**
   * Finds the {@code fixtures} folder (the one holding {@code items.jsonl}) by walking up from the
   * working directory, so tests find it whichever module they run in.
   *
   * @return the folder
   * @throws IllegalStateException if no parent of the working directory has it
   */
  public static Path root() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("fixtures");
      if (Files.isRegularFile(candidate.resolve(CANONICAL))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "no fixtures/" + CANONICAL + " in " + start + " or any folder above it");
  }

  /**
   * The canonical fixture items, read from {@code items.jsonl}, in file order.
   *
   * @return the items; a new mutable list on every call
   */
  public static List<Map<String, AttributeValue>> canonicalItems() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (byte[] line : lines(root().resolve(CANONICAL))) {
      String text = new String(line, StandardCharsets.UTF_8);
      if (!text.isBlank()) {
        items.add(DynamoDbJsonLines.parse(text));
      }
    }
    return items;
  }

  /**
   * The lines of a file as raw bytes without their {@code \n}, gunzipped first if the name ends in
   * {@code .gz}; a final line without a terminator is kept, nothing else is changed (a {@code \r}
   * stays).
   *
   * @param file the file
   * @return its lines
   */
  public static List<byte[]> lines(Path file) {
    byte[] content;
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
      content = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    List<byte[]> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (byte b : content) {
      if (b == '\n') {
        lines.add(line.toByteArray());
        line.reset();
      } else {
        line.write(b);
      }
    }
    if (line.size() > 0) {
      lines.add(line.toByteArray());
    }
    return lines;
  }
}
