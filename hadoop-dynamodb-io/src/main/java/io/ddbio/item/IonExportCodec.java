package io.ddbio.item;

import com.amazon.ion.IonException;
import com.amazon.ion.IonReader;
import com.amazon.ion.IonType;
import com.amazon.ion.system.IonReaderBuilder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the lines of a native DynamoDB "Export to S3" written in Amazon Ion text: one value per
 * line, <code>{Item:{…}}</code> for a full export or <code>{Keys:{…},NewImage:{…},…}</code> for an
 * incremental one, the first line of a file led by the version marker {@code $ion_1_0}.
 *
 * <p>The export maps DynamoDB types to Ion ones: S to a string, N to a decimal (an int is taken
 * too, both exact), B to a blob, BOOL to a bool, NULL to a null, M to a struct, L to a list, and
 * the sets SS, NS and BS to lists annotated {@code $dynamodb_SS}, {@code $dynamodb_NS} and {@code
 * $dynamodb_BS}. Anything else is refused rather than guessed: an Ion float is binary floating
 * point, which no DynamoDB number is; timestamps, symbols, clobs and s-expressions have no DynamoDB
 * type. Values get the same checks as from DynamoDB JSON: numbers in DynamoDB's range, sets
 * non-empty without duplicates, no empty item and no empty attribute name.
 *
 * <p>Thread-safe: each line gets its own reader. Lines are read one at a time, so a file is split
 * into items by lines, as every native export is written; binary Ion, which has no lines, is
 * refused with a message saying so.
 */
public final class IonExportCodec {
  private static final IonReaderBuilder READERS = IonReaderBuilder.standard();

  private static final String SS = "$dynamodb_SS";
  private static final String NS = "$dynamodb_NS";
  private static final String BS = "$dynamodb_BS";

  private static final byte[] VERSION_MARKER = "$ion_1_0".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BINARY_MARKER = {(byte) 0xE0, 0x01, 0x00, (byte) 0xEA};

  private static final AttributeValue NULL = AttributeValue.fromNul(true);

  /**
   * Decodes one line.
   *
   * @param buf holds the line
   * @param off where the line starts
   * @param len its length in bytes, without the line terminator
   * @return the line's item or change
   * @throws ItemFormatException naming what is wrong and, for a value, the attribute path
   */
  public ExportLine decodeExportLine(byte[] buf, int off, int len) {
    Objects.checkFromIndexSize(off, len, buf.length);
    if (startsWith(buf, off, len, BINARY_MARKER)) {
      throw new ItemFormatException(
          "binary Ion; this import reads the text Ion that DynamoDB's exports are written in");
    }
    try (IonReader r = READERS.build(buf, off, len)) {
      IonType type = r.next();
      if (type == null) {
        throw new BadValue("no Ion value on the line");
      }
      if (type != IonType.STRUCT || r.isNullValue()) {
        throw new BadValue("expected an Ion struct, found " + describe(r, type));
      }
      ExportLine line = readLine(r);
      if (r.next() != null) {
        throw new BadValue("more than one Ion value on the line");
      }
      return line;
    } catch (BadValue e) {
      throw e.toException();
    } catch (ItemFormatException e) {
      throw e;
    } catch (IonException | java.io.IOException e) {
      throw new ItemFormatException("unreadable Ion: " + e.getMessage(), e);
    }
  }

  /**
   * Tells whether a line holds no item: only whitespace, or only the Ion version marker, which
   * DynamoDB writes before the first item of a file and which a file edited by hand may hold alone.
   *
   * @param buf holds the line
   * @param off where the line starts
   * @param len the line's length in bytes
   * @return true if the line holds no value
   */
  public static boolean isBlank(byte[] buf, int off, int len) {
    int from = off;
    int to = off + len;
    while (from < to && isSpace(buf[from])) {
      from++;
    }
    while (to > from && isSpace(buf[to - 1])) {
      to--;
    }
    return from == to
        || (to - from == VERSION_MARKER.length && startsWith(buf, from, to - from, VERSION_MARKER));
  }

  private static ExportLine readLine(IonReader r) {
    Map<String, AttributeValue> item = null;
    Map<String, AttributeValue> keys = null;
    Map<String, AttributeValue> newImage = null;
    Map<String, AttributeValue> oldImage = null;
    Map<String, AttributeValue> metadata = null;
    r.stepIn();
    IonType type;
    while ((type = r.next()) != null) {
      String part = r.getFieldName();
      if (type != IonType.STRUCT || r.isNullValue()) {
        throw new BadValue("\"" + part + "\" must be a struct, found " + describe(r, type));
      }
      switch (part) {
        case ExportLineReader.ITEM ->
            item = ExportLineReader.once(item, readPart(r, part, true), part);
        case ExportLineReader.KEYS ->
            keys = ExportLineReader.once(keys, readPart(r, part, true), part);
        case ExportLineReader.NEW_IMAGE ->
            newImage = ExportLineReader.once(newImage, readPart(r, part, true), part);
        case ExportLineReader.OLD_IMAGE ->
            oldImage = ExportLineReader.once(oldImage, readPart(r, part, true), part);
        case ExportLineReader.METADATA ->
            metadata = ExportLineReader.once(metadata, readPart(r, part, false), part);
        default -> throw ExportLineReader.unknownPart(part);
      }
    }
    r.stepOut();
    return ExportLineReader.assemble(item, keys, newImage, oldImage, metadata);
  }

  private static Map<String, AttributeValue> readPart(IonReader r, String part, boolean item) {
    try {
      Map<String, AttributeValue> map = readStruct(r);
      if (item && map.isEmpty()) {
        throw new BadValue("empty item (no attributes)");
      }
      return map;
    } catch (BadValue e) {
      throw e.toException(part);
    }
  }

  /** Reads the struct the reader is on, as an item or an M value. */
  private static Map<String, AttributeValue> readStruct(IonReader r) {
    Map<String, AttributeValue> map = new LinkedHashMap<>();
    r.stepIn();
    IonType type;
    while ((type = r.next()) != null) {
      String name = r.getFieldName();
      if (name.isEmpty()) {
        throw new BadValue("empty attribute name");
      }
      AttributeValue value;
      try {
        value = readValue(r, type);
      } catch (BadValue e) {
        throw e.in(name);
      }
      if (map.putIfAbsent(name, value) != null) {
        throw new BadValue("duplicate attribute name \"" + name + "\"");
      }
    }
    r.stepOut();
    return map;
  }

  private static AttributeValue readValue(IonReader r, IonType type) {
    String[] annotations = r.getTypeAnnotations();
    if (annotations.length > 0) {
      if (type != IonType.LIST || annotations.length > 1 || r.isNullValue()) {
        throw new BadValue(
            "unexpected annotation "
                + String.join("::", annotations)
                + ":: on "
                + describe(r, type)
                + " (only $dynamodb_SS, $dynamodb_NS and $dynamodb_BS lists are sets)");
      }
      return switch (annotations[0]) {
        case SS -> AttributeValue.fromSs(readSet(r, "$dynamodb_SS", IonExportCodec::setString));
        case NS -> AttributeValue.fromNs(readSet(r, "$dynamodb_NS", IonExportCodec::setNumber));
        case BS -> AttributeValue.fromBs(readSet(r, "$dynamodb_BS", IonExportCodec::setBinary));
        default ->
            throw new BadValue(
                "unknown annotation "
                    + annotations[0]
                    + ":: (expected $dynamodb_SS, $dynamodb_NS or $dynamodb_BS)");
      };
    }
    if (r.isNullValue()) {
      return NULL;
    }
    return switch (type) {
      case STRING -> AttributeValue.fromS(r.stringValue());
      case BOOL -> AttributeValue.fromBool(r.booleanValue());
      case DECIMAL, INT -> AttributeValue.fromN(number(r, type));
      case BLOB -> AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(r.newBytes()));
      case STRUCT -> AttributeValue.fromM(readStruct(r));
      case LIST -> AttributeValue.fromL(readList(r));
      case FLOAT ->
          throw new BadValue(
              "an Ion float ("
                  + r.doubleValue()
                  + ") is binary floating point; DynamoDB numbers are exact decimals");
      default -> throw new BadValue("an Ion " + describe(r, type) + " has no DynamoDB type");
    };
  }

  private static List<AttributeValue> readList(IonReader r) {
    List<AttributeValue> list = new ArrayList<>();
    r.stepIn();
    IonType type;
    while ((type = r.next()) != null) {
      try {
        list.add(readValue(r, type));
      } catch (BadValue e) {
        throw e.at(list.size());
      }
    }
    r.stepOut();
    return list;
  }

  /** A set member's value and the key that finds duplicates among them. */
  private record Member<T>(T value, Object identity) {}

  private static <T> List<T> readSet(
      IonReader r, String tag, Function<IonReader, Member<T>> member) {
    List<T> members = new ArrayList<>();
    Set<Object> seen = new HashSet<>();
    r.stepIn();
    while (r.next() != null) {
      Member<T> m;
      try {
        m = member.apply(r);
      } catch (BadValue e) {
        throw e.at(members.size());
      }
      if (!seen.add(m.identity())) {
        throw new BadValue("duplicate set member " + m.value()).at(members.size());
      }
      members.add(m.value());
    }
    r.stepOut();
    if (members.isEmpty()) {
      throw new BadValue("empty set (" + tag + "::[]); DynamoDB sets hold at least one member");
    }
    return members;
  }

  private static Member<String> setString(IonReader r) {
    requireMember(r, IonType.STRING, "a string");
    String s = r.stringValue();
    return new Member<>(s, s);
  }

  private static Member<String> setNumber(IonReader r) {
    IonType type = r.getType();
    if ((type != IonType.DECIMAL && type != IonType.INT) || r.isNullValue()) {
      requireMember(r, IonType.DECIMAL, "a decimal");
    }
    String n = number(r, type);
    return new Member<>(n, DynamoDbNumbers.canonical(n));
  }

  private static Member<SdkBytes> setBinary(IonReader r) {
    requireMember(r, IonType.BLOB, "a blob");
    SdkBytes b = SdkBytes.fromByteArrayUnsafe(r.newBytes());
    return new Member<>(b, b);
  }

  private static void requireMember(IonReader r, IonType expected, String what) {
    if (r.getType() != expected || r.isNullValue() || r.getTypeAnnotations().length > 0) {
      throw new BadValue("a set member must be " + what + ", found " + describe(r, r.getType()));
    }
  }

  /** The number the reader is on, in DynamoDB's syntax, checked against DynamoDB's range. */
  private static String number(IonReader r, IonType type) {
    String n;
    if (type == IonType.INT) {
      n = r.bigIntegerValue().toString();
    } else {
      BigDecimal d = r.bigDecimalValue();
      // toString keeps the digits as written (1.50 stays 1.50) and uses an exponent only when
      // the plain form would be long; DynamoDB takes both forms.
      n = d.toString();
    }
    String problem = DynamoDbNumbers.problem(n);
    if (problem != null) {
      throw new BadValue(problem);
    }
    return n;
  }

  private static String describe(IonReader r, IonType type) {
    String name = type.name().toLowerCase(java.util.Locale.ROOT);
    if (type == IonType.NULL) {
      return "null";
    }
    return r.isNullValue() ? "null." + name : name;
  }

  private static boolean startsWith(byte[] buf, int off, int len, byte[] prefix) {
    if (len < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (buf[off + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }
}
