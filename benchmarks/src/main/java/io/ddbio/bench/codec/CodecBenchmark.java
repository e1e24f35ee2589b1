package io.ddbio.bench.codec;

import io.ddbio.bench.corpus.RealisticItems;
import io.ddbio.item.DataPipelineCodec;
import io.ddbio.item.DynamoDbJsonCodec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the decode and encode benchmarks share: the JMH settings (JMH inherits them), the profile
 * parameter, the corpus built once per fork, and the codecs under test. One operation is one item,
 * so a score is items per second on one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public abstract class CodecBenchmark {
  @Param({"MIXED", "SMALL"})
  public RealisticItems.Profile profile;

  protected Corpus corpus;
  protected final DataPipelineCodec dataPipelineCodec = new DataPipelineCodec();
  protected final DynamoDbJsonCodec dynamoDbJsonCodec = new DynamoDbJsonCodec();

  /** Builds the corpus once per fork and reports its size. */
  @Setup(Level.Trial)
  public void setUp() {
    corpus = Corpus.build(profile);
    System.out.println(corpus.describe());
  }
}
