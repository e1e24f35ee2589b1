package io.ddbio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.tool.ToolConsole;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestSeveralExportsSummary {

  private static TableExport.Outcome ok(String table, long items, long millis) {
    return new TableExport.Outcome(
        table, "file:/b/" + table, ToolConsole.OK, null, items, Duration.ofMillis(millis));
  }

  @Test
  void aRowPerTableATotalAndWhyEachFailed() {
    SeveralExportsSummary summary =
        new SeveralExportsSummary(
            List.of(
                ok("Orders", 1_300, 4_120),
                new TableExport.Outcome(
                    "NoSuchTable",
                    "file:/b/NoSuchTable",
                    ToolConsole.FAILED,
                    "Export of table \"NoSuchTable\" failed: it does not exist",
                    -1,
                    Duration.ofMillis(200)),
                ok("Items", 200, 3_950)),
            Duration.ofMillis(4_300));
    assertFalse(summary.allSucceeded());
    assertEquals(
        String.join(
            System.lineSeparator(),
            "Export of 3 tables: 2 succeeded, 1 failed",
            "  table        status     items  duration  output",
            "  Orders       SUCCEEDED  1,300     4.1 s  file:/b/Orders",
            "  NoSuchTable  FAILED         -     0.2 s  file:/b/NoSuchTable",
            "  Items        SUCCEEDED    200     4.0 s  file:/b/Items",
            "  total        1 FAILED   1,500     4.3 s",
            "Failed:",
            "  NoSuchTable: Export of table \"NoSuchTable\" failed: it does not exist",
            ""),
        summary.render());
  }

  @Test
  void allSucceeded() {
    SeveralExportsSummary summary =
        new SeveralExportsSummary(
            List.of(ok("Orders", 0, 1_000), ok("Items", 5, 1_000)), Duration.ofMillis(1_000));
    assertTrue(summary.allSucceeded());
    String text = summary.render();
    assertTrue(text.startsWith("Export of 2 tables: 2 succeeded, 0 failed"), text);
    assertTrue(
        text.contains("  total   SUCCEEDED      5     1.0 s" + System.lineSeparator()), text);
    assertFalse(text.contains("Failed:"), text);
  }
}
