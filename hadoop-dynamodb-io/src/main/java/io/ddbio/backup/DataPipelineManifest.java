package io.ddbio.backup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
   * Reads a manifest, accepting only the shape Data Pipeline writes: one object holding {@code
   * "name":"DynamoDB-export"}, {@code "version":3} and an {@code "entries"} list of objects each
   * holding a string {@code "url"} and a boolean {@code "mandatory"}, and nothing after it but
   * white space.
   *
   * <p>Anything else is refused rather than read as far as it goes: a reader that stops at the
   * first unexpected token (a {@code null} entry, a second object) sees an empty list, and an empty
   * manifest is a valid export of an empty table, so a damaged manifest would restore 0 items and
   * succeed. Unknown fields are refused too: Data Pipeline writes none, and a field we do not read
   * may change what the manifest means.
   *
   * @param where the manifest's location, named in every error
   * @throws IOException naming {@code where} and the problem: not JSON, content after the object, a
   *     field missing, unknown, given twice or of the wrong type, another name or version, an entry
   *     that is not an object
   */
  public static List<Entry> parse(InputStream in, String where) throws IOException {
    String name = null;
    Integer version = null;
    List<Entry> entries = null;
    boolean closed = false;
    try (JsonParser p = JSON.createParser(in)) {
      expect(p.nextToken() == JsonToken.START_OBJECT, where, "it is not a JSON object");
      Set<String> seen = new HashSet<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        expect(seen.add(field), where, "\"" + field + "\" is given twice");
        JsonToken value = p.nextToken();
        switch (field) {
          case "name" -> {
            expect(value == JsonToken.VALUE_STRING, where, "\"name\" is not a string");
            name = p.getText();
          }
          case "version" -> {
            expect(value == JsonToken.VALUE_NUMBER_INT, where, "\"version\" is not a whole number");
            version = p.getIntValue();
          }
          case "entries" -> entries = entries(p, value, where);
          default -> throw problem(where, "it has an unknown field \"" + field + "\"");
        }
      }
      closed = true;
      expect(p.nextToken() == null, where, "there is trailing content after the manifest");
    } catch (JsonProcessingException e) {
      // Jackson reports text after the root object as a syntax error; say which it is.
      String problem =
          closed
              ? "there is trailing content after the manifest (" + e.getOriginalMessage() + ")"
              : "it is not valid JSON: " + e.getOriginalMessage();
      throw new IOException("Manifest " + where + " cannot be used: " + problem, e);
    }
    expect(name != null, where, "it has no \"name\"");
    expect(NAME.equals(name), where, "its \"name\" is \"" + name + "\", not \"" + NAME + "\"");
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
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      String at = "entries[" + entries.size() + "]";
      expect(t != JsonToken.VALUE_NULL, where, at + " is null");
      expect(t == JsonToken.START_OBJECT, where, at + " is not an object");
      entries.add(entry(p, at, where));
    }
    return entries;
  }

  private static Entry entry(JsonParser p, String at, String where) throws IOException {
    String url = null;
    Boolean mandatory = null;
    Set<String> seen = new HashSet<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      expect(seen.add(field), where, at + "." + field + " is given twice");
      JsonToken value = p.nextToken();
      switch (field) {
        case "url" -> {
          expect(value == JsonToken.VALUE_STRING, where, at + ".url is not a string");
          url = p.getText();
          expect(!url.isBlank(), where, at + ".url is empty");
        }
        case "mandatory" -> {
          expect(value.isBoolean(), where, at + ".mandatory is not true or false");
          mandatory = p.getBooleanValue();
        }
        default -> throw problem(where, at + " has an unknown field \"" + field + "\"");
      }
    }
    expect(url != null, where, at + " has no \"url\"");
    expect(mandatory != null, where, at + " has no \"mandatory\"");
    return new Entry(url, mandatory);
  }

  private static void expect(boolean ok, String where, String problem) throws IOException {
    if (!ok) {
      throw problem(where, problem);
    }
  }

  private static IOException problem(String where, String problem) {
    return new IOException("Manifest " + where + " cannot be used: " + problem);
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
