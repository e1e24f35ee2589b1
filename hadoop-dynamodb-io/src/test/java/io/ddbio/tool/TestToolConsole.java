package io.ddbio.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TestToolConsole {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ToolConsole console =
      new ToolConsole(
          new PrintStream(out, false, StandardCharsets.UTF_8),
          new PrintStream(err, false, StandardCharsets.UTF_8),
          "Usage: tool <dir>\n");

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpPrintsTheUsageToStandardOutput() {
    assertEquals(0, console.help());
    assertEquals("Usage: tool <dir>\n", out());
    assertEquals("", err());
  }

  @Test
  void aUsageErrorIsTheReasonABlankLineAndTheUsageOnStandardError() {
    String nl = System.lineSeparator();
    assertEquals(2, console.usageError("Missing <dir>"));
    assertEquals("Missing <dir>" + nl + nl + "Usage: tool <dir>\n", err());
    assertEquals("", out());
  }

  @Test
  void aFailureIsItsReasonOnStandardError() {
    assertEquals(1, console.failure("Export failed: no table"));
    console.note("Removed the output directory");
    assertEquals(
        "Export failed: no table"
            + System.lineSeparator()
            + "Removed the output directory"
            + System.lineSeparator(),
        err());
    assertEquals("", out());
  }

  @Test
  void resultsGoToStandardOutputAsTheyAre() {
    console.print("summary\n");
    assertEquals("summary\n", out());
  }

  @Test
  void anExceptionIsDescribedByItsMessageOrItself() {
    assertEquals("disk full", ToolConsole.describe(new IOException("disk full")));
    assertEquals("java.io.IOException", ToolConsole.describe(new IOException()));
    assertEquals("java.io.IOException:  ", ToolConsole.describe(new IOException(" ")));
  }
}
