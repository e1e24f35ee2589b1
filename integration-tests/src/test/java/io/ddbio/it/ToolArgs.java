package io.ddbio.it;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * The arguments the integration tests give the real tools: the positional ones, then a ratio of 1
 * and {@link #UNLIMITED_UNITS} units, so that the tools' budgets never slow a test down, then the
 * test's own options. Generic options ({@code -D}) must come before all of these.
 */
final class ToolArgs {
  /** Read and write units high enough that the tools' budgets never throttle a test. */
  static final String UNLIMITED_UNITS = "100000";

  private ToolArgs() {}

  /** {@code ExportTool}'s arguments: {@code table} to {@code out} in {@code segments} segments. */
  static List<String> export(Path out, String table, int segments, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                out.toString(),
                table,
                "--segments",
                Integer.toString(segments),
                "--read-ratio",
                "1",
                "--read-units",
                UNLIMITED_UNITS));
    args.addAll(List.of(options));
    return args;
  }

  /** {@code ImportTool}'s arguments: the export in {@code in} into {@code table}. */
  static List<String> importer(Path in, String table, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(in.toString(), table, "--write-ratio", "1", "--write-units", UNLIMITED_UNITS));
    args.addAll(List.of(options));
    return args;
  }
}
