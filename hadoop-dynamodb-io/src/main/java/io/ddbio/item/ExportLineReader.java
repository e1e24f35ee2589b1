package io.ddbio.item;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Map;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads the wrapper object of a native export line around the items it holds. */
final class ExportLineReader {
  static final String ITEM = "Item";
  static final String KEYS = "Keys";
  static final String NEW_IMAGE = "NewImage";
  static final String OLD_IMAGE = "OldImage";
  static final String METADATA = "Metadata";
  private static final String TIMESTAMP = "WriteTimestampMicros";

  private ExportLineReader() {}

  static ExportLine read(byte[] buf, int from, int to) {
    Map<String, AttributeValue> item = null;
    Map<String, AttributeValue> keys = null;
    Map<String, AttributeValue> newImage = null;
    Map<String, AttributeValue> oldImage = null;
    Map<String, AttributeValue> metadata = null;
    try (JsonParser p = ItemJson.parser(buf, from, to);
        ReadScratch scratch = ReadScratch.forLine()) {
      JsonToken token = ItemReader.next(p);
      if (token != JsonToken.START_OBJECT) {
        throw new BadValue("expected a JSON object, found " + ItemReader.describe(token));
      }
      while ((token = ItemReader.next(p)) == JsonToken.FIELD_NAME) {
        String part = p.currentName();
        token = ItemReader.next(p);
        if (token != JsonToken.START_OBJECT) {
          throw new BadValue(
              "\"" + part + "\" must be an object, found " + ItemReader.describe(token));
        }
        switch (part) {
          case ITEM -> item = once(item, readPart(p, part, true, scratch), part);
          case KEYS -> keys = once(keys, readPart(p, part, true, scratch), part);
          case NEW_IMAGE -> newImage = once(newImage, readPart(p, part, true, scratch), part);
          case OLD_IMAGE -> oldImage = once(oldImage, readPart(p, part, true, scratch), part);
          case METADATA -> metadata = once(metadata, readPart(p, part, false, scratch), part);
          default -> throw unknownPart(part);
        }
      }
      if (token != JsonToken.END_OBJECT) {
        throw new BadValue("expected a field name, found " + ItemReader.describe(token));
      }
      ItemJson.expectEnd(p, "export line");
    } catch (IOException e) {
      throw new BadValue("unreadable JSON: " + e.getMessage(), e);
    }
    return assemble(item, keys, newImage, oldImage, metadata);
  }

  /**
   * The line the parts make, whatever syntax they were read from; a part that was absent is null.
   *
   * @throws BadValue when the parts do not make a full export's item or a change
   */
  static ExportLine assemble(
      Map<String, AttributeValue> item,
      Map<String, AttributeValue> keys,
      Map<String, AttributeValue> newImage,
      Map<String, AttributeValue> oldImage,
      Map<String, AttributeValue> metadata) {
    if (item != null) {
      if (keys != null || newImage != null || oldImage != null || metadata != null) {
        throw new BadValue(
            "an export line holds either \"Item\" or a change (\"Keys\", \"NewImage\","
                + " \"OldImage\", \"Metadata\"), not both");
      }
      return ExportLine.ofItem(item);
    }
    if (keys == null) {
      throw new BadValue("an export line needs \"Item\", or \"Keys\" for a change");
    }
    Map<String, AttributeValue> old = oldImage == null ? Map.of() : oldImage;
    OptionalLong micros = timestamp(metadata);
    return newImage == null
        ? new ExportLine(ExportLine.Kind.DELETE, Map.of(), keys, old, micros)
        : new ExportLine(ExportLine.Kind.PUT, newImage, keys, old, micros);
  }

  /** Reads one part, naming the part in any failure since attribute paths restart inside it. */
  private static Map<String, AttributeValue> readPart(
      JsonParser p, String part, boolean item, ReadScratch scratch) throws IOException {
    try {
      return ItemReader.readMap(p, item, scratch);
    } catch (BadValue e) {
      throw e.toException(part);
    }
  }

  /** The failure for a wrapper field that is none of the parts of an export line. */
  static BadValue unknownPart(String part) {
    return new BadValue(
        "unknown field \""
            + part
            + "\" in an export line (expected Item, or Keys with NewImage, OldImage and Metadata)");
  }

  static <T> T once(T previous, T value, String part) {
    if (previous != null) {
      throw new BadValue("duplicate field \"" + part + "\" in an export line");
    }
    return value;
  }

  private static OptionalLong timestamp(Map<String, AttributeValue> metadata) {
    AttributeValue value = metadata == null ? null : metadata.get(TIMESTAMP);
    if (value == null) {
      return OptionalLong.empty();
    }
    try {
      if (value.n() != null) {
        long micros = Long.parseLong(value.n());
        if (micros >= 0) {
          return OptionalLong.of(micros);
        }
      }
    } catch (NumberFormatException e) {
      // Reported below with the same reason as a value of the wrong type.
    }
    throw new BadValue(
        "Metadata." + TIMESTAMP + " must be a whole number of microseconds, found " + value);
  }
}
