package io.ddbio.importer.check;

import io.ddbio.backup.ExportMetadata;
import io.ddbio.backup.TableSchema;
import io.ddbio.dynamodb.KeyAttribute;
import io.ddbio.dynamodb.TableInfo;
import io.ddbio.importer.layout.BackupLayout;
import io.ddbio.importer.layout.NativeExportLayout;
import io.ddbio.importer.lines.BackupLineDecoder;
import io.ddbio.importer.lines.DataFileLines;
import io.ddbio.importer.lines.NativeLineFormat;
import io.ddbio.importer.reject.BadRecordOptions;
import io.ddbio.item.DataPipelineCodec;
import io.ddbio.item.ExportLine;
import io.ddbio.item.ItemFormatException;
import io.ddbio.write.InvalidItemException;
import io.ddbio.write.ItemKeys;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.io.Text;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Checks, before anything is written, that the backup's items fit the destination table's primary
 * key. With {@code ddbio-export.json} the source table's key schema must equal the destination's
 * (names and types of the partition and sort key). A plain Data Pipeline export and a native export
 * carry no schema, so the first items (or a change's keys) are read instead and each must hold the
 * table's key attributes with their types. A backup of another table thus fails at once, with the
 * attribute named, instead of deep inside the job after part of it was written.
 *
 * <p>When bad records may be set aside ({@code dynamodb.max.bad.records}), the sample fails only
 * once it holds more bad lines than that: the job would fail at them anyway, and this way before
 * anything is written; up to the limit, they are the job's to set aside.
 */
public final class KeySchemaCheck {
  /** Lines of the first data file that holds items checked when there is no metadata. */
  static final int SAMPLE_LINES = 100;

  private KeySchemaCheck() {}

  /** Decodes one line of a data file into the attributes that must carry the table's key. */
  @FunctionalInterface
  interface KeyedLine {
    /**
     * The attributes of the line, or null when the line holds none (Ion's version marker alone);
     * throws {@link ItemFormatException} when it is not valid.
     */
    Map<String, AttributeValue> decode(byte[] buf, int off, int len);
  }

  /**
   * Checks the backup against the table.
   *
   * @throws IOException naming the key attribute that differs and, for items, the file and line
   */
  public static void check(TableInfo table, BackupLayout layout, Configuration conf)
      throws IOException {
    BackupLineDecoder codec = new BackupLineDecoder();
    check(table, layout.metadata(), layout.dataFiles(), conf, codec::decode);
  }

  /**
   * Checks a native export against the table: a change's {@code Keys}, an item's attributes.
   *
   * @throws IOException as for {@link #check(TableInfo, BackupLayout, Configuration)}
   */
  public static void check(TableInfo table, NativeExportLayout layout, Configuration conf)
      throws IOException {
    NativeLineFormat format = layout.lineFormat();
    check(
        table,
        layout.metadata(),
        layout.statuses(),
        conf,
        (buf, off, len) -> {
          if (format.isBlank(buf, off, len)) {
            return null;
          }
          ExportLine line = format.decode(buf, off, len);
          return line.kind() == ExportLine.Kind.ITEM ? line.item() : line.keys();
        });
  }

  private static void check(
      TableInfo table,
      Optional<ExportMetadata> metadata,
      List<FileStatus> files,
      Configuration conf,
      KeyedLine lines)
      throws IOException {
    Optional<List<KeyAttribute>> recorded =
        metadata.isPresent() ? recordedKeys(metadata.get()) : Optional.empty();
    if (recorded.isPresent()) {
      compare(table, recorded.get(), metadata.get().table().tableName());
    } else {
      sample(table, files, conf, lines);
    }
  }

  /** Fails unless the backup's key, partition key first, is the table's. */
  static void compare(TableInfo table, List<KeyAttribute> backup, String sourceTable)
      throws IOException {
    List<KeyAttribute> keys = table.keys();
    List<String> differences = new ArrayList<>();
    String[] roles = {"partition key", "sort key"};
    for (int i = 0; i < roles.length; i++) {
      String t = i < keys.size() ? keys.get(i).toString() : "none";
      String b = i < backup.size() ? backup.get(i).toString() : "none";
      if (!t.equals(b)) {
        differences.add(roles[i] + " " + b + " in the backup, " + t + " in the table");
      }
    }
    if (!differences.isEmpty()) {
      throw new IOException(
          "The backup (of table \""
              + sourceTable
              + "\", per "
              + ExportMetadata.FILE_NAME
              + ") does not fit table \""
              + table.name()
              + "\": "
              + String.join("; ", differences)
              + ". Import into a table with the backup's key schema; nothing was written");
    }
  }

  /** Checks the items on the first lines of the first data file that holds any. */
  static void sample(TableInfo table, List<FileStatus> files, Configuration conf, KeyedLine lines)
      throws IOException {
    ItemKeys keys = new ItemKeys(table.name(), table.keys());
    Text text = new Text();
    int allowed = BadRecordOptions.from(conf).maxBadRecords();
    int bad = 0;
    for (FileStatus f : files) {
      if (f.getLen() == 0) {
        continue;
      }
      int items = 0;
      try (DataFileLines file = DataFileLines.open(f.getPath(), f.getLen(), conf)) {
        long n;
        while ((n = file.next(text)) != 0 && n <= SAMPLE_LINES) {
          if (DataPipelineCodec.isBlank(text.getBytes(), 0, text.getLength())) {
            continue;
          }
          String where = f.getPath() + ":" + n + ": ";
          Map<String, AttributeValue> item;
          try {
            item = lines.decode(text.getBytes(), 0, text.getLength());
          } catch (ItemFormatException e) {
            if (++bad > allowed) {
              throw new IOException(where + e.reason() + overLimit(allowed), e);
            }
            continue;
          }
          if (item == null) {
            continue;
          }
          try {
            keys.keyOf(item);
          } catch (InvalidItemException e) {
            if (++bad > allowed) {
              throw new IOException(
                  where
                      + e.getMessage()
                      + ". The backup's items do not carry the key of table \""
                      + table.name()
                      + "\""
                      + overLimit(allowed),
                  e);
            }
            continue;
          }
          items++;
        }
      }
      if (items > 0) {
        return;
      }
    }
  }

  private static String overLimit(int allowed) {
    return allowed == 0
        ? "; nothing was written"
        : "; more than the "
            + allowed
            + " bad records "
            + BadRecordOptions.LIMIT_NAME
            + " allows among the first lines, so nothing was written";
  }

  /** The key the metadata records, partition key first; empty when it records none. */
  private static Optional<List<KeyAttribute>> recordedKeys(ExportMetadata metadata)
      throws IOException {
    TableSchema schema = metadata.table();
    if (schema == null || schema.keySchema() == null || schema.keySchema().isEmpty()) {
      return Optional.empty();
    }
    List<KeyAttribute> keys = new ArrayList<>(2);
    for (String role : List.of(KeyType.HASH.toString(), KeyType.RANGE.toString())) {
      for (TableSchema.Key k : schema.keySchema()) {
        if (role.equals(k.keyType())) {
          keys.add(new KeyAttribute(k.attributeName(), typeOf(schema, k.attributeName())));
        }
      }
    }
    return Optional.of(keys);
  }

  private static ScalarAttributeType typeOf(TableSchema schema, String name) throws IOException {
    if (schema.attributeDefinitions() != null) {
      for (TableSchema.Attribute a : schema.attributeDefinitions()) {
        if (a.attributeName().equals(name)) {
          return ScalarAttributeType.fromValue(a.attributeType());
        }
      }
    }
    throw new IOException(
        ExportMetadata.FILE_NAME + " gives no type for key attribute \"" + name + "\"");
  }
}
