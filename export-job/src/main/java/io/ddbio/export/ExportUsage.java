package io.ddbio.export;

import io.ddbio.config.DdbioKeys;
import io.ddbio.config.ScanOptions;
import io.ddbio.config.ThroughputOptions;
import io.ddbio.export.layout.ExportCompression;
import io.ddbio.export.layout.ExportFormat;

/**
 * The export's usage text. Defaults and limits are taken from the library's declarations, so the
 * text cannot drift from what the job does.
 */
final class ExportUsage {
  private ExportUsage() {}

  static String text() {
    return String.join(
        "\n",
        "Usage: hadoop jar <export-job jar> io.ddbio.export.ExportTool [generic options]",
        "         <outputDir> <table> [readRatio] [totalSegments] [options]",
        "",
        "Exports a DynamoDB table to a new directory (s3a://, hdfs://, file:, ...): one item per",
        "line in Data Pipeline's format with its manifest (the default), or in the layout of",
        "DynamoDB's native Export to S3 (--format dynamodb-json), or as plain JSON (--format",
        "json); then ddbio-export.json (schema,",
        "counts, SHA-256) and _SUCCESS, written last.",
        "",
        "Arguments:",
        "  <outputDir>          directory to create; it must not exist (but see --resume).",
        "                       With several tables, each goes to <outputDir>/<table>; at a",
        "                       bucket's root (s3a://bucket), to <bucket>/<region>/<table>/",
        "                       <yyyy-MM-dd-HH-mm-ss>, UTC, as the console's export named it",
        "  <table>              the DynamoDB table to export, or several separated by commas",
        "                       (T1,T2,T3): their jobs run at the same time, each a complete",
        "                       export of its own; one that fails does not stop the others,",
        "                       and a last table sums them up",
        "  [readRatio]          same as --read-ratio",
        "  [totalSegments]      same as --segments",
        "",
        "Options:",
        "  --read-ratio R       share of the table's read capacity to use, 0 < R <= "
            + ThroughputOptions.MAX_PERCENT
            + " (default "
            + DdbioKeys.READ_PERCENT.defaultText()
            + ")",
        "  --segments N         parallel scan segments, 1.."
            + ScanOptions.MAX_SEGMENTS
            + " (default: planned from the table's",
        "                       size, the read rate and the cluster)",
        "  --max-map-tasks N    most map tasks (default "
            + DdbioKeys.MAX_MAP_TASKS.defaultText()
            + ")",
        "  --read-units U       read capacity units per second the ratio applies to (default:",
        "                       the table's provisioned read capacity; for an on-demand table,",
        "                       its ceiling, at no more than the table takes at once)",
        "  --compression C      " + ExportCompression.choices() + " (default none)",
        "  --endpoint URL       DynamoDB endpoint, e.g. http://127.0.0.1:8000 for DynamoDB Local",
        "  --region R           the table's AWS region (default: the SDK's region chain)",
        "  --consistent-read    strongly consistent reads (twice the read capacity)",
        "  --format F           " + ExportFormat.choices() + " (default datapipeline);",
        "                       dynamodb-json writes AWSDynamoDB/<id>/data/*.json.gz, {\"Item\":...}",
        "                       lines, manifest-files.json and manifest-summary.json, which",
        "                       DynamoDB's Import from S3 reads (always gzip); json writes",
        "                       plain JSON objects (<uuid>_<task>.json) for tools that know",
        "                       nothing of DynamoDB: types are lost, so it cannot be imported",
        "  --projection P       export only these attributes, e.g. \"pk, sk, #b.c\"",
        "  --filter F           export only items meeting this condition, e.g. \"#s = :v\"",
        "                       (filtered-out items are still read and cost read capacity)",
        "  --names JSON         placeholders for names, e.g. '{\"#s\":\"status\",\"#b\":\"body\"}'",
        "  --values JSON        placeholders for values in DynamoDB JSON, e.g.",
        "                       '{\":v\":{\"S\":\"active\"}}'",
        "                       A filtered or projected export records its selection in",
        "                       ddbio-export.json: it is not a full backup of the table.",
        "  --resume             finish the unfinished export a failed or killed run left in",
        "                       <outputDir>: segments it committed are not read again; the",
        "                       segments and format are the first run's, and other options",
        "                       that change what is exported must be the same. Without an",
        "                       unfinished export there, a new export starts. With several",
        "                       tables, each table's directory is resumed or started alone;",
        "                       at a bucket's root, give the directory the first run printed",
        "  --skip-expired       leave out the items whose time to live has expired but",
        "                       that DynamoDB has not deleted yet (it does so only within",
        "                       days); counted, and recorded in ddbio-export.json",
        "  --plan               print what the export would do (items, segments, tasks,",
        "                       rate and why, capacity, duration, on-demand billing) and",
        "                       stop: only the table's description is read (a plan per table)",
        "  --price-per-million P  with --plan: the price of a million request units, to",
        "                       print an on-demand table's cost (no price is built in)",
        "  --help               print this text",
        "",
        "Generic options go before the arguments; -D key=value sets any key listed in",
        "docs/CONFIGURATION.md (e.g. -D dynamodb.scan.page.limit=500).",
        "",
        "Exit status: 0 exported and verified (every table, with several), 1 failed,",
        "2 usage error.",
        "");
  }
}
