package io.ddbio.importer.lines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.item.ItemFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TestBackupLineDecoder {
  private final BackupLineDecoder decoder = new BackupLineDecoder();

  private Map<String, AttributeValue> decode(String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    return decoder.decode(b, 0, b.length);
  }

  private String refused(String line) {
    return assertThrows(ItemFormatException.class, () -> decode(line)).getMessage();
  }

  @Test
  void dataPipelineLinesKeepTheirMeaningEvenWithAnAttributeNamedItem() {
    assertEquals(
        Map.of("Item", AttributeValue.fromM(Map.of("x", AttributeValue.fromS("1")))),
        decode("{\"Item\":{\"m\":{\"x\":{\"s\":\"1\"}}}}"));
    assertEquals(Map.of("pk", AttributeValue.fromS("a")), decode("{\"pk\":{\"S\":\"a\"}}"));
  }

  @Test
  void nativeItemLinesWithoutTheirManifestsAreRead() {
    assertEquals(
        Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1")),
        decode("  {\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}}}"));
  }

  @Test
  void aLineThatIsNeitherFailsWithTheDataPipelineReason() {
    String m = refused("{\"pk\":{\"X\":\"a\"}}");
    assertTrue(m.contains("\"X\""), m);
  }

  @Test
  void aBrokenNativeLineSaysItWasReadAsOne() {
    String m = refused("{\"Item\":{\"pk\":{\"N\":\"twelve\"}}}");
    assertTrue(m.contains("twelve") && m.endsWith("(read as a native export's item line)"), m);
  }

  @Test
  void incrementalChangesNeedTheirManifest() {
    String m = refused("{\"Keys\":{\"pk\":{\"S\":\"a\"}},\"NewImage\":{\"pk\":{\"S\":\"a\"}}}");
    assertTrue(m.contains("\"Keys\"") || m.contains("Keys"), m);
    String wrapped = refused("{\"Item\":{\"pk\":{\"S\":\"a\"}},\"Keys\":{\"pk\":{\"S\":\"a\"}}}");
    assertTrue(wrapped.contains("not both"), wrapped);
  }
}
