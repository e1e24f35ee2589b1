package io.ddbio.backup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code manifest} of a Data Pipeline export (version 3): the list of data files, as absolute
 * URLs. Written byte for byte as Data Pipeline and the predecessor write it, so their importers
 * read ours; read strictly, because a manifest problem is never skippable.
 */
public final class DataPipelineManifest {
  /** The file's name in an export directory. */
  public static final String FILE_NAME = "manifest";

  /** The only version there is. */
  public static final int VERSION = 3;

  private static final String NAME = "DynamoDB-export";
  private static final JsonFactory JSON = new JsonFactory();

  private DataPipelineManifest() {}

  /** One entry: a data file's URL and whether the import must find it. */
  public record Entry(String url, boolean mandatory) {}

  /** The manifest listing {@code urls}, in the exact shape of a Data Pipeline manifest. */
  public static byte[] render(List<String> urls) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"name\":\"").append(NAME).append("\",\"version\":").append(VERSION).append(",\n");
    sb.append("\"entries\": [\n");
    for (int i = 0; i < urls.size(); i++) {
      sb.append("{\"url\":\"").append(escape(urls.get(i))).append("\",\"mandatory\":true}");
      sb.append(i + 1 < urls.size() ? ",\n" : "\n");
    }
    sb.append("]}");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a manifest.
   *
   * @param where the manifest's location, named in every error
   * @throws IOException naming {@code where} and the problem: not JSON, another version, no entries
   *     list, an entry without a URL
   */
  public static List<Entry> parse(InputStream in, String where) throws IOException {
    List<Entry> entries = null;
    Integer version = null;
    try (JsonParser p = JSON.createParser(in)) {
      expect(p.nextToken() == JsonToken.START_OBJECT, where, "it is not a JSON object");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "version" -> {
            expect(value == JsonToken.VALUE_NUMBER_INT, where, "\"version\" is not a number");
            version = p.getIntValue();
          }
          case "entries" -> entries = entries(p, value, where);
          default -> p.skipChildren();
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(
          "Manifest " + where + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    expect(version != null, where, "it has no \"version\"");
    expect(
        version == VERSION,
        where,
        "its version is " + version + "; only version " + VERSION + " (Data Pipeline) is read");
    expect(entries != null, where, "it has no \"entries\" list");
    return entries;
  }

  private static List<Entry> entries(JsonParser p, JsonToken start, String where)
      throws IOException {
    expect(start == JsonToken.START_ARRAY, where, "\"entries\" is not a list");
    List<Entry> entries = new ArrayList<>();
    while (p.nextToken() == JsonToken.START_OBJECT) {
      String url = null;
      boolean mandatory = true;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("url") && value == JsonToken.VALUE_STRING) {
          url = p.getText();
        } else if (field.equals("mandatory") && value.isBoolean()) {
          mandatory = p.getBooleanValue();
        } else {
          p.skipChildren();
        }
      }
      expect(url != null && !url.isBlank(), where, "entry " + (entries.size() + 1) + " has no url");
      entries.add(new Entry(url, mandatory));
    }
    return entries;
  }

  private static void expect(boolean ok, String where, String problem) throws IOException {
    if (!ok) {
      throw new IOException("Manifest " + where + " cannot be used: " + problem);
    }
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
