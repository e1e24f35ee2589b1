package io.ddbio.bench.codec;

import io.ddbio.item.DataPipelineCodec;
import io.ddbio.item.DynamoDbJsonCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items to lines. One operation is one item; each invocation encodes the whole corpus into one
 * reused {@link ByteArrayOutputStream} (reset before each item, as a record writer's buffer is
 * drained), so the score is items per second on one thread.
 */
public class EncodeBenchmark extends CodecBenchmark {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(8192);

  /** {@link DataPipelineCodec#encode(Map, java.io.OutputStream)} of every item. */
  @Benchmark
  @OperationsPerInvocation(Corpus.ITEMS)
  public void dataPipelineEncode(Blackhole bh) throws IOException {
    List<Map<String, AttributeValue>> items = corpus.items();
    eachItem(bh, (i, o) -> dataPipelineCodec.encode(items.get(i), o));
  }

  /** {@link DynamoDbJsonCodec#encode(Map, java.io.OutputStream)} of every item. */
  @Benchmark
  @OperationsPerInvocation(Corpus.ITEMS)
  public void dynamoDbJsonEncode(Blackhole bh) throws IOException {
    List<Map<String, AttributeValue>> items = corpus.items();
    eachItem(bh, (i, o) -> dynamoDbJsonCodec.encode(items.get(i), o));
  }

  /** The yardstick: {@link Yardstick#write} of every item's recorded tokens. */
  @Benchmark
  @OperationsPerInvocation(Corpus.ITEMS)
  public void yardstickEncode(Blackhole bh) throws IOException {
    TokenScript[] scripts = corpus.scripts();
    eachItem(bh, (i, o) -> Yardstick.write(scripts[i], o));
  }

  /** Writes the i-th item of the corpus. */
  private interface ItemWrite {
    void write(int i, ByteArrayOutputStream out) throws IOException;
  }

  /**
   * Writes every item into the emptied stream and consumes its size. Each benchmark runs in a fork
   * of its own, so the call to {@code write} sees one lambda and is inlined.
   */
  private void eachItem(Blackhole bh, ItemWrite write) throws IOException {
    for (int i = 0; i < Corpus.ITEMS; i++) {
      out.reset();
      write.write(i, out);
      bh.consume(out.size());
    }
  }
}
