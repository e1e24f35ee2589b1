package io.ddbio.bench.codec;

import io.ddbio.bench.corpus.RealisticItems;
import io.ddbio.item.DataPipelineCodec;
import io.ddbio.item.DynamoDbJsonCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items to lines. One operation is one item; each invocation encodes the whole corpus into one
 * reused {@link ByteArrayOutputStream} (reset before each item, as a record writer's buffer is
 * drained), so the score is items per second on one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EncodeBenchmark {
  @Param({"MIXED", "SMALL"})
  public RealisticItems.Profile profile;

  private List<Map<String, AttributeValue>> items;
  private TokenScript[] scripts;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
  private final DataPipelineCodec dataPipelineCodec = new DataPipelineCodec();
  private final DynamoDbJsonCodec dynamoDbJsonCodec = new DynamoDbJsonCodec();

  /** Builds the corpus once per fork and reports its size. */
  @Setup(Level.Trial)
  public void setUp() {
    Corpus corpus = Corpus.build(profile);
    items = corpus.items();
    scripts = corpus.scripts();
    System.out.println(corpus.describe());
  }

  /** {@link DataPipelineCodec#encode(Map, java.io.OutputStream)} of every item. */
  @Benchmark
  @OperationsPerInvocation(Corpus.ITEMS)
  public void dataPipelineEncode(Blackhole bh) throws IOException {
    for (int i = 0; i < Corpus.ITEMS; i++) {
      out.reset();
      dataPipelineCodec.encode(items.get(i), out);
      bh.consume(out.size());
    }
  }

  /** {@link DynamoDbJsonCodec#encode(Map, java.io.OutputStream)} of every item. */
  @Benchmark
  @OperationsPerInvocation(Corpus.ITEMS)
  public void dynamoDbJsonEncode(Blackhole bh) throws IOException {
    for (int i = 0; i < Corpus.ITEMS; i++) {
      out.reset();
      dynamoDbJsonCodec.encode(items.get(i), out);
      bh.consume(out.size());
    }
  }

  /** The yardstick: {@link Yardstick#write} of every item's recorded tokens. */
  @Benchmark
  @OperationsPerInvocation(Corpus.ITEMS)
  public void yardstickEncode(Blackhole bh) throws IOException {
    for (int i = 0; i < Corpus.ITEMS; i++) {
      out.reset();
      Yardstick.write(scripts[i], out);
      bh.consume(out.size());
    }
  }
}
