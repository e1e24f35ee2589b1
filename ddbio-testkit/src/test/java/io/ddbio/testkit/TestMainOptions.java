package io.ddbio.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TestMainOptions {
  @Test
  void withoutArgumentsRunsInMemoryOnTheCustomaryPort() {
    MainOptions options = MainOptions.parse();
    assertEquals(8000, options.port());
    assertNull(options.dbDirectory());
    assertFalse(options.stopOnStdinEof());
    assertFalse(options.help());
  }

  @Test
  void readsWhatTheProcessLauncherPasses() {
    MainOptions options = MainOptions.parse("--port", "0", "--in-memory", "--stop-on-stdin-eof");
    assertEquals(0, options.port());
    assertNull(options.dbDirectory());
    assertTrue(options.stopOnStdinEof());
  }

  @Test
  void readsADatabaseDirectory() {
    MainOptions options = MainOptions.parse("--db-path", "/tmp/ddb", "--port", "8123");
    assertEquals(Path.of("/tmp/ddb"), options.dbDirectory());
    assertEquals(8123, options.port());
  }

  @Test
  void refusesBothStorageModes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MainOptions.parse("--in-memory", "--db-path", "/tmp/ddb"));
    assertTrue(e.getMessage().contains("--in-memory"), e.getMessage());
  }

  @Test
  void namesTheWrongPort() {
    for (String bad : new String[] {"x", "-1", "65536"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> MainOptions.parse("--port", bad));
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
  }

  @Test
  void namesAnOptionWithoutItsValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MainOptions.parse("--port"));
    assertEquals("--port needs a value", e.getMessage());
  }

  @Test
  void namesAnUnknownArgument() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MainOptions.parse("-inMemory"));
    assertEquals("Unknown argument: -inMemory", e.getMessage());
  }

  @Test
  void helpWinsOverEverythingElse() {
    assertTrue(MainOptions.parse("--port", "1", "--help", "--bogus").help());
    assertTrue(MainOptions.USAGE.contains(DynamoDbLocalMain.READY_PREFIX));
  }
}
