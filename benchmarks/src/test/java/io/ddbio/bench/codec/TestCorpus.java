package io.ddbio.bench.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ddbio.bench.corpus.RealisticItems;
import io.ddbio.item.DataPipelineCodec;
import io.ddbio.item.DynamoDbJsonCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The benchmarks measure what they claim to: the yardsticks handle exactly the codec's bytes. */
class TestCorpus {
  private final Corpus corpus = Corpus.build(RealisticItems.Profile.SMALL);

  @Test
  void linesDecodeToTheItems() {
    DataPipelineCodec dp = new DataPipelineCodec();
    DynamoDbJsonCodec json = new DynamoDbJsonCodec();
    LineBuffer dpLines = corpus.dataPipeline();
    LineBuffer jsonLines = corpus.dynamoDbJson();
    assertEquals(Corpus.ITEMS, dpLines.count());
    assertEquals(dpLines.totalBytes(), jsonLines.totalBytes(), "tags are spelled at equal length");
    for (int i = 0; i < Corpus.ITEMS; i++) {
      assertEquals(
          corpus.items().get(i), dp.decode(dpLines.bytes(), dpLines.offset(i), dpLines.length(i)));
      assertEquals(
          corpus.items().get(i),
          json.decode(jsonLines.bytes(), jsonLines.offset(i), jsonLines.length(i)));
    }
  }

  @Test
  void encodeYardstickWritesTheCodecsBytesExactly() throws IOException {
    LineBuffer lines = corpus.dataPipeline();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < Corpus.ITEMS; i++) {
      out.reset();
      Yardstick.write(corpus.scripts()[i], out);
      int from = lines.offset(i);
      assertArrayEquals(
          Arrays.copyOfRange(lines.bytes(), from, from + lines.length(i)), out.toByteArray());
    }
  }

  @Test
  void decodeYardsticksSeeEveryToken() throws IOException {
    LineBuffer lines = corpus.dataPipeline();
    for (int i = 0; i < Corpus.ITEMS; i++) {
      assertEquals(
          corpus.scripts()[i].tokens(),
          Yardstick.tokenize(lines.bytes(), lines.offset(i), lines.length(i)));
    }
  }
}
