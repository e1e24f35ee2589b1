package io.ddbio.export.verify.backup;

import io.ddbio.backup.ExportMetadata;
import io.ddbio.export.verify.VerifyReport;
import io.ddbio.item.DataPipelineCodec;
import io.ddbio.item.DynamoDbJsonCodec;
import io.ddbio.item.ExportLine;
import io.ddbio.item.ItemFormatException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items of a backup, by key, for comparing with a table ({@code verify --items}). Every item is
 * held in memory: roughly three to four times the size of the backup's uncompressed lines, so this
 * is for backups of moderate size (a few GB of heap per GB of lines; raise it with {@code
 * DDBIO_JAVA_OPTS=-Xmx…}). Lines that do not decode, items without their key and keys present twice
 * are recorded as problems. Thread-safe: files are read in parallel.
 */
public final class BackupItems {
  private static final int SHOWN = 10;

  private final List<String> keyNames;
  private final Map<Map<String, AttributeValue>, Map<String, AttributeValue>> byKey =
      new HashMap<>();
  private final List<String> problems = new ArrayList<>();
  private long problemCount;

  /**
   * @param keyNames the table's key attributes, partition key first
   */
  public BackupItems(List<String> keyNames) {
    this.keyNames = List.copyOf(keyNames);
  }

  List<String> keyNames() {
    return keyNames;
  }

  /** A sink decoding the lines of one data file written in {@code dataFormat}. */
  DataFileReader.LineSink reader(String file, String dataFormat) {
    if (ExportMetadata.JSON_LINES.equals(dataFormat)) {
      problem(
          file
              + ": a plain JSON export (--format json) lost DynamoDB's types; its items cannot be"
              + " compared with the table");
      return (buf, off, len, lineNumber) -> {};
    }
    boolean isNative = ExportMetadata.DYNAMODB_JSON.equals(dataFormat);
    DataPipelineCodec dataPipeline = new DataPipelineCodec();
    DynamoDbJsonCodec dynamoDbJson = new DynamoDbJsonCodec();
    return (buf, off, len, lineNumber) -> {
      String where = file + ":" + lineNumber;
      try {
        if (!isNative) {
          if (!DataPipelineCodec.isBlank(buf, off, len)) {
            add(dataPipeline.decode(buf, off, len), where);
          }
          return;
        }
        ExportLine line = dynamoDbJson.decodeExportLine(buf, off, len);
        if (line.kind() != ExportLine.Kind.ITEM) {
          problem(where + ": a change of an incremental export, not an item");
        } else {
          add(line.item(), where);
        }
      } catch (ItemFormatException e) {
        problem(where + ": " + e.reason());
      }
    };
  }

  /** The key of {@code item}, or null when it lacks a key attribute. */
  public Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (String k : keyNames) {
      AttributeValue v = item.get(k);
      if (v == null) {
        return null;
      }
      key.put(k, v);
    }
    return key;
  }

  private synchronized void add(Map<String, AttributeValue> item, String where) {
    Map<String, AttributeValue> key = keyOf(item);
    if (key == null) {
      problem(where + ": the item lacks a key attribute of " + keyNames);
    } else if (byKey.putIfAbsent(key, item) != null) {
      problem(where + ": the key " + key + " is in the backup twice");
    }
  }

  /** Takes the item with {@code key} out, or returns null when the backup has none. */
  public synchronized Map<String, AttributeValue> remove(Map<String, AttributeValue> key) {
    return byKey.remove(key);
  }

  /** The keys not taken out yet. */
  public synchronized List<Map<String, AttributeValue>> remainingKeys() {
    return List.copyOf(byKey.keySet());
  }

  public synchronized int size() {
    return byKey.size();
  }

  private synchronized void problem(String text) {
    problemCount++;
    if (problems.size() < SHOWN) {
      problems.add(text);
    }
  }

  /** Reports the problems found while reading, the first few in full. */
  synchronized void report(VerifyReport report) {
    problems.forEach(report::problem);
    if (problemCount > problems.size()) {
      report.problem("... and " + (problemCount - problems.size()) + " more item problems");
    }
  }
}
