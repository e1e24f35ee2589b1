package io.ddbio.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ddbio.backup.TableSchema;
import io.ddbio.export.layout.ExportFormat;
import io.ddbio.export.layout.NativeExportTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.hadoop.conf.Configuration;

/**
 * What the tool decides at submit time and the tasks and the job commit need: when the export
 * started, the table's schema, the data format and, for the native layout, the export's id and the
 * table's identity. They travel in the job's configuration under keys of the job's own, set by
 * {@link ExportTool} from its command line, not user settings (those are all in {@code DdbioKeys}),
 * and a commit without them fails rather than writing incomplete metadata.
 */
public final class ExportJobConf {
  /** When the tool submitted the export, ISO-8601. */
  public static final String START_TIME = "ddbio.export.start.time";

  /** The source table's {@link TableSchema} as JSON, from DescribeTable at submit time. */
  static final String TABLE_SCHEMA = "ddbio.export.table.schema";

  /** The {@link ExportFormat}'s name; unset means {@link ExportFormat#DATAPIPELINE}. */
  static final String FORMAT = "ddbio.export.format";

  /** The {@link NativeExportTarget} as JSON; set for {@link ExportFormat#DYNAMODB_JSON} only. */
  static final String NATIVE_TARGET = "ddbio.export.native.target";

  /**
   * Which run of the export this job is: 1, then 2 and on for each {@code --resume}. Unset reads as
   * 1.
   */
  static final String RUN = "ddbio.export.run";

  /**
   * A random id of this run, recorded in the output directory before the job is submitted, so that
   * the output format lets this job, and no other, write into a directory that exists.
   */
  static final String RUN_ID = "ddbio.export.run.id";

  /** {@code --skip-expired}: leave out items whose time to live has expired. */
  static final String SKIP_EXPIRED = "ddbio.export.skip.expired";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ExportJobConf() {}

  /** Asks for the items whose time to live has expired to be left out ({@code --skip-expired}). */
  static void setSkipExpired(Configuration conf) {
    conf.setBoolean(SKIP_EXPIRED, true);
  }

  static boolean skipExpired(Configuration conf) {
    return conf.getBoolean(SKIP_EXPIRED, false);
  }

  public static void setStartTime(Configuration conf, Instant start) {
    conf.set(START_TIME, start.toString());
  }

  public static void setTableSchema(Configuration conf, TableSchema schema) {
    try {
      conf.set(TABLE_SCHEMA, JSON.writeValueAsString(schema));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Cannot write the table schema as JSON", e);
    }
  }

  public static void setRun(Configuration conf, int run, String id) {
    conf.setInt(RUN, run);
    conf.set(RUN_ID, id);
  }

  /** Which run of the export this job is, from 1. */
  public static int run(Configuration conf) {
    return conf.getInt(RUN, 1);
  }

  /** This run's id, or null when the job was not submitted by {@link ExportTool}. */
  public static String runId(Configuration conf) {
    return conf.get(RUN_ID);
  }

  /** Whether the format was chosen ({@code --format}), rather than left to the default. */
  static boolean formatChosen(Configuration conf) {
    String value = conf.getTrimmed(FORMAT);
    return value != null && !value.isEmpty();
  }

  public static void setFormat(Configuration conf, ExportFormat format) {
    conf.set(FORMAT, format.name());
  }

  /**
   * The data format, {@link ExportFormat#DATAPIPELINE} when unset.
   *
   * @throws IllegalArgumentException when set to something else than a format's name
   */
  public static ExportFormat format(Configuration conf) {
    String value = conf.getTrimmed(FORMAT);
    if (value == null || value.isEmpty()) {
      return ExportFormat.DATAPIPELINE;
    }
    try {
      return ExportFormat.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(FORMAT + " is not an export format: " + value, e);
    }
  }

  public static void setNativeTarget(Configuration conf, NativeExportTarget target) {
    try {
      conf.set(NATIVE_TARGET, JSON.writeValueAsString(target));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Cannot write the native export target as JSON", e);
    }
  }

  /**
   * The native export's id and table identity.
   *
   * @throws IOException when it is unset or not a target
   */
  public static NativeExportTarget nativeTarget(Configuration conf) throws IOException {
    return json(conf, NATIVE_TARGET, NativeExportTarget.class, "a target");
  }

  /**
   * The start time.
   *
   * @throws IOException when it is unset or not an ISO-8601 instant
   */
  public static Instant startTime(Configuration conf) throws IOException {
    String value = required(conf, START_TIME);
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IOException(START_TIME + " is not an ISO-8601 instant: " + value, e);
    }
  }

  /**
   * The table schema.
   *
   * @throws IOException when it is unset or not a schema
   */
  public static TableSchema tableSchema(Configuration conf) throws IOException {
    return json(conf, TABLE_SCHEMA, TableSchema.class, "a table schema");
  }

  /**
   * @param what what the key holds, for the error: e.g. {@code a table schema}
   */
  private static <T> T json(Configuration conf, String key, Class<T> type, String what)
      throws IOException {
    String value = required(conf, key);
    try {
      return JSON.readValue(value, type);
    } catch (JsonProcessingException e) {
      throw new IOException(key + " does not hold " + what + ": " + e.getMessage(), e);
    }
  }

  private static String required(Configuration conf, String key) throws IOException {
    String value = conf.get(key);
    if (value == null || value.isBlank()) {
      throw new IOException(
          key
              + " is not set: ExportTool sets it when it submits an export; submit exports with it");
    }
    return value;
  }
}
