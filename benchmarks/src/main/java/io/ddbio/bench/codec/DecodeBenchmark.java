package io.ddbio.bench.codec;

import io.ddbio.bench.corpus.RealisticItems;
import io.ddbio.item.DataPipelineCodec;
import io.ddbio.item.DynamoDbJsonCodec;
import java.io.IOException;
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

/**
 * Lines to items. One operation is one line; each invocation decodes the whole corpus, so the score
 * is lines (items) per second on one thread, and MB/s is the score times the corpus's bytes per
 * item (printed at setup and by {@code CorpusReport}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DecodeBenchmark {
  @Param({"MIXED", "SMALL"})
  public RealisticItems.Profile profile;

  private LineBuffer dataPipeline;
  private LineBuffer dynamoDbJson;
  private final DataPipelineCodec dataPipelineCodec = new DataPipelineCodec();
  private final DynamoDbJsonCodec dynamoDbJsonCodec = new DynamoDbJsonCodec();

  /** Builds the corpus once per fork and reports its size. */
  @Setup(Level.Trial)
  public void setUp() {
    Corpus corpus = Corpus.build(profile);
    dataPipeline = corpus.dataPipeline();
    dynamoDbJson = corpus.dynamoDbJson();
    System.out.println(corpus.describe());
  }

  /** {@link DataPipelineCodec#decode(byte[], int, int)} of every line. */
  @Benchmark
  @OperationsPerInvocation(Corpus.ITEMS)
  public void dataPipelineDecode(Blackhole bh) {
    LineBuffer lines = dataPipeline;
    byte[] buf = lines.bytes();
    for (int i = 0; i < Corpus.ITEMS; i++) {
      bh.consume(dataPipelineCodec.decode(buf, lines.offset(i), lines.length(i)));
    }
  }

  /** {@link DynamoDbJsonCodec#decode(byte[], int, int)} of every line. */
  @Benchmark
  @OperationsPerInvocation(Corpus.ITEMS)
  public void dynamoDbJsonDecode(Blackhole bh) {
    LineBuffer lines = dynamoDbJson;
    byte[] buf = lines.bytes();
    for (int i = 0; i < Corpus.ITEMS; i++) {
      bh.consume(dynamoDbJsonCodec.decode(buf, lines.offset(i), lines.length(i)));
    }
  }

  /** The yardstick: {@link Yardstick#tokenize} of every Data Pipeline line. */
  @Benchmark
  @OperationsPerInvocation(Corpus.ITEMS)
  public void yardstickDecode(Blackhole bh) throws IOException {
    LineBuffer lines = dataPipeline;
    byte[] buf = lines.bytes();
    for (int i = 0; i < Corpus.ITEMS; i++) {
      bh.consume(Yardstick.tokenize(buf, lines.offset(i), lines.length(i)));
    }
  }

  /** A reference, not the target: {@link Yardstick#tokenizeAndReadStrings} of every line. */
  @Benchmark
  @OperationsPerInvocation(Corpus.ITEMS)
  public void yardstickDecodeWithStrings(Blackhole bh) throws IOException {
    LineBuffer lines = dataPipeline;
    byte[] buf = lines.bytes();
    for (int i = 0; i < Corpus.ITEMS; i++) {
      bh.consume(Yardstick.tokenizeAndReadStrings(buf, lines.offset(i), lines.length(i)));
    }
  }
}
