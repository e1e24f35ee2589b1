package io.ddbio.importer.check;

import static io.ddbio.importer.Messages.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.backup.ExportMetadata;
import io.ddbio.backup.ExportSelection;
import io.ddbio.importer.Backups;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestPartialExportCheck {

  private static Optional<ExportMetadata> exported(ExportSelection selection) {
    return Optional.of(Backups.metadata(Backups.schema("pk", "S"), 0, 0, List.of(), selection));
  }

  @Test
  void fullExportsAndBackupsWithoutMetadataPassSilently() throws IOException {
    assertEquals(Optional.empty(), PartialExportCheck.check(Optional.empty(), false));
    assertEquals(Optional.empty(), PartialExportCheck.check(exported(null), false));
  }

  @Test
  void projectionIsRefusedNamingItAndTheWayOut() {
    ExportSelection projected = new ExportSelection("pk, #b", null, Map.of("#b", "body"), null);

    String m =
        assertThrows(IOException.class, () -> PartialExportCheck.check(exported(projected), false))
            .getMessage();

    assertMentions(m, "projection \"pk, #b\"", "\"#b\":\"body\"", "--allow-partial-items");
  }

  @Test
  void allowedProjectionStillWarns() throws IOException {
    ExportSelection projected = new ExportSelection("pk, a", null, Map.of(), null);

    String w = PartialExportCheck.check(exported(projected), true).orElseThrow();

    assertTrue(w.startsWith("Warning:") && w.contains("projection \"pk, a\""), w);
  }

  @Test
  void filteredExportIsImportedWithANote() throws IOException {
    ExportSelection filtered = new ExportSelection(null, "attribute_exists(a)", Map.of(), null);

    String n = PartialExportCheck.check(exported(filtered), false).orElseThrow();

    assertTrue(n.contains("filter \"attribute_exists(a)\"") && n.contains("not restored"), n);
  }
}
