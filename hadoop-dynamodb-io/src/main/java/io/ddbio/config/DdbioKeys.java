package io.ddbio.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every configuration key of the library, declared once. Names the predecessor's users already know
 * are kept where the meaning is the same. {@code docs/CONFIGURATION.md} lists them all and a test
 * pins the set, so adding a key means documenting it.
 */
public final class DdbioKeys {
  private DdbioKeys() {}

  // ---- Tables ----

  /** The table a job reads. */
  public static final ConfigKey<String> INPUT_TABLE =
      ConfigKey.text("dynamodb.input.tableName", null, "The DynamoDB table to scan.");

  /** The table a job writes. */
  public static final ConfigKey<String> OUTPUT_TABLE =
      ConfigKey.text("dynamodb.output.tableName", null, "The DynamoDB table to write.");

  // ---- Client ----

  /** Endpoint override, for DynamoDB Local or a VPC endpoint. */
  public static final ConfigKey<String> ENDPOINT =
      ConfigKey.text(
          "dynamodb.endpoint",
          null,
          "DynamoDB endpoint URL, e.g. http://127.0.0.1:8000 for DynamoDB Local. Default: the"
              + " region's endpoint.");

  /** Region override. */
  public static final ConfigKey<String> REGION =
      ConfigKey.text(
          "dynamodb.region",
          null,
          "AWS region of the table. Default: the SDK's region chain (AWS_REGION, profile, instance"
              + " metadata).");

  /** Access key id; prefer the default credential chain or a Hadoop credential provider. */
  public static final ConfigKey<String> ACCESS_KEY =
      ConfigKey.secret(
          "dynamodb.awsAccessKeyId",
          "Access key id. Read through Configuration.getPassword, so a Hadoop credential provider"
              + " (hadoop.security.credential.provider.path) can hold it. Default: the AWS default"
              + " credential chain.");

  /** Secret key; only used together with {@link #ACCESS_KEY}. */
  public static final ConfigKey<String> SECRET_KEY =
      ConfigKey.secret(
          "dynamodb.awsSecretAccessKey",
          "Secret access key, read like dynamodb.awsAccessKeyId; never logged.");

  /** Session token for temporary credentials. */
  public static final ConfigKey<String> SESSION_TOKEN =
      ConfigKey.secret(
          "dynamodb.awsSessionToken", "Session token for temporary credentials; never logged.");

  /** A role to assume for the table, as for a table in another account. */
  public static final ConfigKey<String> ASSUME_ROLE_ARN =
      ConfigKey.text(
          "dynamodb.assume.role.arn",
          null,
          "ARN of an IAM role to assume (STS AssumeRole) for every DynamoDB call, e.g. for a table"
              + " in another account. The role is assumed with the credentials configured above"
              + " (or the default chain), and its credentials are refreshed before they expire."
              + " Default: no role.");

  /** The external id the role's trust policy asks for. */
  public static final ConfigKey<String> ASSUME_ROLE_EXTERNAL_ID =
      ConfigKey.secret(
          "dynamodb.assume.role.external.id",
          "External id to pass to AssumeRole when the role's trust policy requires one; read like"
              + " dynamodb.awsAccessKeyId, never logged.");

  /** Session name of the assumed role, seen in CloudTrail. */
  public static final ConfigKey<String> ASSUME_ROLE_SESSION_NAME =
      ConfigKey.text(
          "dynamodb.assume.role.session.name",
          "ddbio",
          "Role session name of the assumed role, as CloudTrail shows it.");

  /** STS endpoint override. */
  public static final ConfigKey<String> STS_ENDPOINT =
      ConfigKey.text(
          "dynamodb.sts.endpoint",
          null,
          "STS endpoint URL for AssumeRole, e.g. a VPC endpoint. Default: the regional STS"
              + " endpoint of the table's region.");

  /** HTTP connection pool size of each task's client. */
  public static final ConfigKey<Integer> MAX_CONNECTIONS =
      ConfigKey.integer(
          "dynamodb.http.max.connections", 50, "Maximum HTTP connections of one task's client.");

  /** Time limit of one HTTP attempt. */
  public static final ConfigKey<Duration> ATTEMPT_TIMEOUT =
      ConfigKey.duration(
          "dynamodb.http.attempt.timeout",
          Duration.ofSeconds(30),
          "Time limit of one request attempt; a timed-out attempt is retried as a transient"
              + " fault.");

  // ---- Retry ----

  /** How long a throttled request keeps being retried. */
  public static final ConfigKey<Duration> THROTTLE_MAX_DURATION =
      ConfigKey.duration(
          "dynamodb.retry.throttle.max.duration",
          Duration.ofMinutes(15),
          "How long one request keeps being retried while DynamoDB throttles it (exponential"
              + " backoff with jitter). Past it the task fails; nothing is dropped.");

  /** Attempts for server errors and connection faults. */
  public static final ConfigKey<Integer> TRANSIENT_MAX_ATTEMPTS =
      ConfigKey.integer(
          "dynamodb.retry.max.attempts",
          10,
          "Attempts of one request that fails with a 5xx answer or a connection fault.");

  // ---- Throughput ----

  /** Share of the table's read capacity a scan may use. */
  public static final ConfigKey<Double> READ_PERCENT =
      ConfigKey.decimal(
          "dynamodb.throughput.read.percent",
          0.5,
          "Share of the table's read capacity the whole job may consume, 0 < p <= 1.5.");

  /** Share of the table's write capacity an import may use. */
  public static final ConfigKey<Double> WRITE_PERCENT =
      ConfigKey.decimal(
          "dynamodb.throughput.write.percent",
          0.5,
          "Share of the table's write capacity the whole job may consume, 0 < p <= 1.5.");

  /** Read capacity to budget against; the tools derive it for on-demand tables when unset. */
  public static final ConfigKey<Double> READ_UNITS =
      ConfigKey.decimal(
          "dynamodb.throughput.read",
          null,
          "Read capacity units per second to treat as the table's capacity (the percent applies"
              + " to it); overrides the provisioned value when set. An on-demand table has no"
              + " provisioned capacity: unset, the tools derive it from the table's ceiling and"
              + " what it takes at once (see README, on-demand tables); a library job needs it.");

  /** Write capacity to budget against; the tools derive it for on-demand tables when unset. */
  public static final ConfigKey<Double> WRITE_UNITS =
      ConfigKey.decimal(
          "dynamodb.throughput.write",
          null,
          "Write capacity units per second to treat as the table's capacity, as"
              + " dynamodb.throughput.read.");

  /** How many tasks share the budget at once. */
  public static final ConfigKey<Integer> CONCURRENT_TASKS =
      ConfigKey.integer(
          "dynamodb.concurrent.tasks",
          null,
          "How many tasks run at once and share the job's budget. Default: planned from the"
              + " number of splits and the cluster's map capacity.");

  /** How often tasks re-divide the job's budget among those running. */
  public static final ConfigKey<Duration> SHARE_INTERVAL =
      ConfigKey.duration(
          "dynamodb.throughput.share.interval",
          Duration.ofSeconds(5),
          "How often each task announces itself and re-divides the job's budget among the tasks"
              + " running, so capacity left by finished tasks goes to the rest. 0 keeps each"
              + " task's planned share. Ignored when dynamodb.concurrent.tasks is set.");

  /** How often the table's capacity is read again during a job. */
  public static final ConfigKey<Duration> CAPACITY_REFRESH =
      ConfigKey.duration(
          "dynamodb.throughput.capacity.refresh",
          Duration.ofSeconds(30),
          "How often one task re-reads the table's capacity (DescribeTable) for the whole job,"
              + " so a running job follows auto scaling.");

  // ---- Scan ----

  /** Total parallel-scan segments. */
  public static final ConfigKey<Integer> SCAN_SEGMENTS =
      ConfigKey.integer(
          "dynamodb.scan.segments",
          null,
          "Total segments of the parallel scan (1..1000000). Default: planned from the table's"
              + " size, the read budget and the cluster (see docs/CONFIGURATION.md).");

  /** Segments read already, which the splits leave out (a resumed export). */
  public static final ConfigKey<String> SCAN_SEGMENTS_DONE =
      ConfigKey.text(
          "dynamodb.scan.segments.done",
          null,
          "Segments of the scan read already, which no split reads again, as ranges such as"
              + " 0-46,94: a resumed export sets it. Needs dynamodb.scan.segments.");

  /** Upper bound on input splits. */
  public static final ConfigKey<Integer> MAX_MAP_TASKS =
      ConfigKey.integer(
          "dynamodb.max.map.tasks",
          1000,
          "Most input splits (map tasks) a scan is divided into; segments are grouped to fit.");

  /** Most items asked for in one Scan page. */
  public static final ConfigKey<Integer> SCAN_PAGE_LIMIT =
      ConfigKey.integer(
          "dynamodb.scan.page.limit",
          1000,
          "Most items requested per Scan page; pages are made smaller when the budget is small.");

  /** Strongly consistent scan. */
  public static final ConfigKey<Boolean> CONSISTENT_READ =
      ConfigKey.bool(
          "dynamodb.scan.consistent.read",
          false,
          "Strongly consistent reads (cost twice the capacity of eventually consistent ones).");

  // ---- Bad input (import) ----

  /** How many bad input records an import may set aside before it fails. */
  public static final ConfigKey<Integer> MAX_BAD_RECORDS =
      ConfigKey.integer(
          "dynamodb.max.bad.records",
          0,
          "Most bad records an import sets aside instead of failing: lines that are not items,"
              + " items without the table's key or with a key of the wrong type, items nested"
              + " deeper than 32 levels, items over 400 KB. 0 fails at the first one. File-level problems are never set aside.");

  /** Where an import sets bad records aside. */
  public static final ConfigKey<String> REJECTS_DIR =
      ConfigKey.text(
          "dynamodb.rejects.dir",
          null,
          "Directory (must not exist) where an import sets bad records aside, one JSON line per"
              + " record. Default: <inputDir>-rejects-<UTC time>, beside the backup directory."
              + " Used only when dynamodb.max.bad.records is above 0.");

  /** Where an import records which data files it has imported, for a resume. */
  public static final ConfigKey<String> IMPORT_PROGRESS_DIR =
      ConfigKey.text(
          "dynamodb.import.progress.dir",
          null,
          "Directory where an import records each data file it has completely imported, so that"
              + " a rerun with --resume skips them. Default: <inputDir>-import-<table>-progress,"
              + " beside the backup directory (beside the rejects directory when --rejects-dir is"
              + " given). Removed when the import's job succeeds.");

  /** Which attributes a scan returns. */
  public static final ConfigKey<String> SCAN_PROJECTION =
      ConfigKey.text(
          "dynamodb.scan.projection",
          null,
          "ProjectionExpression of the scan: the attributes (or nested paths) each item keeps,"
              + " e.g. pk, sk, #b.c. Default: every attribute.");

  /** Which items a scan returns. */
  public static final ConfigKey<String> SCAN_FILTER =
      ConfigKey.text(
          "dynamodb.scan.filter",
          null,
          "FilterExpression of the scan: only items meeting it are returned, e.g. #s = :v. Items"
              + " filtered out are still read and cost read capacity. Default: every item.");

  /** Placeholders for attribute names in the projection and filter. */
  public static final ConfigKey<String> SCAN_NAMES =
      ConfigKey.text(
          "dynamodb.scan.expression.names",
          null,
          "ExpressionAttributeNames of the projection and filter as a JSON object, e.g."
              + " {\"#s\":\"status\"}. Every placeholder must be used.");

  /** Placeholders for values in the filter. */
  public static final ConfigKey<String> SCAN_VALUES =
      ConfigKey.text(
          "dynamodb.scan.expression.values",
          null,
          "ExpressionAttributeValues of the filter as a JSON object of DynamoDB JSON values, e.g."
              + " {\":v\":{\"S\":\"active\"}}. Every placeholder must be used.");

  /** All keys declared above, in declaration order. */
  public static List<ConfigKey<?>> all() {
    List<ConfigKey<?>> keys = new ArrayList<>();
    for (Field f : DdbioKeys.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == ConfigKey.class) {
        try {
          keys.add((ConfigKey<?>) f.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return Collections.unmodifiableList(keys);
  }
}
