package io.ddbio.export;

import io.ddbio.capacity.TaskRates;
import io.ddbio.config.DdbioKeys;
import io.ddbio.config.ScanOptions;
import io.ddbio.config.ThroughputOptions;
import io.ddbio.dynamodb.TableInfo;
import io.ddbio.export.commit.ResumePoint;
import io.ddbio.mapreduce.HadoopOptions;
import io.ddbio.mapreduce.OnDemandBudget;
import io.ddbio.tool.ProgressLine;
import org.apache.hadoop.conf.Configuration;

/** The line an export prints every few seconds while its job runs ({@link ProgressLine}). */
final class ExportProgressLine {
  private ExportProgressLine() {}

  /**
   * The progress line of this run: the items the table held when last counted, less those earlier
   * runs exported (unknown under a filter, which returns only some), at the share of the table's
   * read capacity the job aims at (an on-demand table's is set by then: {@link OnDemandBudget}; 0,
   * unknown, when none can be read).
   */
  static ProgressLine of(String title, TableInfo table, Configuration conf, ResumePoint done) {
    ScanOptions scan = HadoopOptions.from(conf).scan();
    ThroughputOptions throughput = scan.throughput();
    double target;
    try {
      target =
          TaskRates.tableUnits(table, table.readUnits(), throughput, DdbioKeys.READ_UNITS.name())
              * throughput.percent();
    } catch (IllegalArgumentException e) {
      target = 0;
    }
    long earlier = done == null ? 0 : done.items();
    long expected =
        scan.expressions().filter().isEmpty() ? Math.max(0, table.itemCount() - earlier) : 0;
    return new ProgressLine(title, "read", expected, target);
  }
}
