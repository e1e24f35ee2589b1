package io.ddbio.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ddbio.config.ScanExpressions;
import io.ddbio.item.DynamoDbJsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * What part of a table an export holds, when it is not all of it: the scan's projection and filter
 * with their placeholders, as recorded in {@code ddbio-export.json}. Its presence says the export
 * is <em>not</em> a full backup: items the filter left out, or attributes the projection left out,
 * are not in it. Counting the table with the same filter tells how many items the export should
 * hold.
 *
 * @param projection the projection expression, or null for every attribute
 * @param filter the filter expression, or null for every item
 * @param names the expression attribute names ({@code #s -> status}); empty when none
 * @param values the expression attribute values as a DynamoDB JSON object ({@code
 *     {":v":{"S":"active"}}}), or null when none
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ExportSelection(
    String projection, String filter, Map<String, String> names, JsonNode values) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public ExportSelection {
    names = names == null ? Map.of() : Map.copyOf(names);
  }

  /**
   * The selection of a scan, or empty when the scan reads the whole table.
   *
   * @param expressions the scan's projection and filter
   */
  public static Optional<ExportSelection> of(ScanExpressions expressions) {
    if (expressions.isWholeTable()) {
      return Optional.empty();
    }
    JsonNode values = null;
    if (!expressions.values().isEmpty()) {
      try {
        values = JSON.readTree(new DynamoDbJsonCodec().encode(expressions.values()));
      } catch (IOException e) {
        // The codec has just written this JSON; failing to read it back is a bug.
        throw new UncheckedIOException("Cannot re-read the expression values as JSON", e);
      }
    }
    return Optional.of(
        new ExportSelection(
            expressions.projection().orElse(null),
            expressions.filter().orElse(null),
            expressions.names(),
            values));
  }

  /**
   * The scan expressions that select the same items and attributes again.
   *
   * @throws IllegalArgumentException when the recorded expressions are inconsistent
   */
  public ScanExpressions toExpressions() {
    return new ScanExpressions(
        Optional.ofNullable(projection),
        Optional.ofNullable(filter),
        names,
        values == null
            ? Map.of()
            : ScanExpressions.parseValues(values.toString(), "the selection's values"));
  }

  /** One line for people: {@code filter "#s = :v", projection "a, b"}. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    if (filter != null) {
      sb.append("filter \"").append(filter).append('"');
    }
    if (projection != null) {
      sb.append(sb.isEmpty() ? "" : ", ").append("projection \"").append(projection).append('"');
    }
    if (!names.isEmpty()) {
      JsonNode json = JSON.valueToTree(names);
      sb.append(" with names ").append(json);
    }
    if (values != null) {
      sb.append(names.isEmpty() ? " with" : " and").append(" values ").append(values);
    }
    return sb.toString();
  }
}
