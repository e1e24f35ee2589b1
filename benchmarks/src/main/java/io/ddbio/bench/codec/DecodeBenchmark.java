package io.ddbio.bench.codec;

import io.ddbio.item.DataPipelineCodec;
import io.ddbio.item.DynamoDbJsonCodec;
import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Lines to items. One operation is one line; each invocation decodes the whole corpus, so the score
 * is lines (items) per second on one thread, and MB/s is the score times the corpus's bytes per
 * item (printed at setup and by {@code CorpusReport}).
 */
public class DecodeBenchmark extends CodecBenchmark {
  /** {@link DataPipelineCodec#decode(byte[], int, int)} of every line. */
  @Benchmark
  @OperationsPerInvocation(Corpus.ITEMS)
  public void dataPipelineDecode(Blackhole bh) throws IOException {
    eachLine(corpus.dataPipeline(), (b, o, l) -> bh.consume(dataPipelineCodec.decode(b, o, l)));
  }

  /** {@link DynamoDbJsonCodec#decode(byte[], int, int)} of every line. */
  @Benchmark
  @OperationsPerInvocation(Corpus.ITEMS)
  public void dynamoDbJsonDecode(Blackhole bh) throws IOException {
    eachLine(corpus.dynamoDbJson(), (b, o, l) -> bh.consume(dynamoDbJsonCodec.decode(b, o, l)));
  }

  /** The yardstick: {@link Yardstick#tokenize} of every Data Pipeline line. */
  @Benchmark
  @OperationsPerInvocation(Corpus.ITEMS)
  public void yardstickDecode(Blackhole bh) throws IOException {
    eachLine(corpus.dataPipeline(), (b, o, l) -> bh.consume(Yardstick.tokenize(b, o, l)));
  }

  /** A reference, not the target: {@link Yardstick#tokenizeAndReadStrings} of every line. */
  @Benchmark
  @OperationsPerInvocation(Corpus.ITEMS)
  public void yardstickDecodeWithStrings(Blackhole bh) throws IOException {
    eachLine(
        corpus.dataPipeline(), (b, o, l) -> bh.consume(Yardstick.tokenizeAndReadStrings(b, o, l)));
  }

  /** What a benchmark does with one line; it gives the result to the blackhole itself. */
  private interface LineWork {
    void on(byte[] buf, int off, int len) throws IOException;
  }

  /**
   * Runs the work on every line. Each benchmark runs in a fork of its own, so the call to {@code
   * work} sees one lambda and is inlined: the loop costs what the hand-written one did.
   */
  private static void eachLine(LineBuffer lines, LineWork work) throws IOException {
    byte[] buf = lines.bytes();
    for (int i = 0; i < Corpus.ITEMS; i++) {
      work.on(buf, lines.offset(i), lines.length(i));
    }
  }
}
