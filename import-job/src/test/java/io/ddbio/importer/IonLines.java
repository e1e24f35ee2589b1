package io.ddbio.importer;

import com.amazon.ion.IonWriter;
import com.amazon.ion.system.IonTextWriterBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes items as DynamoDB's Ion exports do, with ion-java's own writer, so that the import's
 * reader is tested against text it did not produce.
 */
final class IonLines {
  private IonLines() {}

  /** A full export's line, <code>{Item:{…}}</code>. */
  static String itemLine(Map<String, AttributeValue> item) {
    StringBuilder out = new StringBuilder();
    try (IonWriter w = IonTextWriterBuilder.standard().build(out)) {
      w.stepIn(com.amazon.ion.IonType.STRUCT);
      w.setFieldName("Item");
      writeMap(w, item);
      w.stepOut();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void writeMap(IonWriter w, Map<String, AttributeValue> map) throws IOException {
    w.stepIn(com.amazon.ion.IonType.STRUCT);
    for (Map.Entry<String, AttributeValue> e : map.entrySet()) {
      w.setFieldName(e.getKey());
      write(w, e.getValue());
    }
    w.stepOut();
  }

  private static void write(IonWriter w, AttributeValue v) throws IOException {
    switch (v.type()) {
      case S -> w.writeString(v.s());
      case N -> w.writeDecimal(new BigDecimal(v.n()));
      case B -> w.writeBlob(v.b().asByteArray());
      case BOOL -> w.writeBool(v.bool());
      case NUL -> w.writeNull();
      case M -> writeMap(w, v.m());
      case L -> {
        w.stepIn(com.amazon.ion.IonType.LIST);
        for (AttributeValue member : v.l()) {
          write(w, member);
        }
        w.stepOut();
      }
      case SS -> {
        w.setTypeAnnotations("$dynamodb_SS");
        w.stepIn(com.amazon.ion.IonType.LIST);
        for (String s : v.ss()) {
          w.writeString(s);
        }
        w.stepOut();
      }
      case NS -> {
        w.setTypeAnnotations("$dynamodb_NS");
        w.stepIn(com.amazon.ion.IonType.LIST);
        for (String n : v.ns()) {
          w.writeDecimal(new BigDecimal(n));
        }
        w.stepOut();
      }
      case BS -> {
        w.setTypeAnnotations("$dynamodb_BS");
        w.stepIn(com.amazon.ion.IonType.LIST);
        for (SdkBytes b : v.bs()) {
          w.writeBlob(b.asByteArray());
        }
        w.stepOut();
      }
      default -> throw new IllegalArgumentException("not a DynamoDB value: " + v);
    }
  }
}
