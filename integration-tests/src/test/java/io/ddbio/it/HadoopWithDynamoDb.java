package io.ddbio.it;

import io.ddbio.testkit.DynamoDbLocalProcess;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a MiniYARN test of the library needs, started together: a {@link MiniHadoop} and DynamoDB
 * Local with a client. Start one per test class ({@code @BeforeAll}) and close it in
 * {@code @AfterAll}.
 *
 * <p>DynamoDB Local runs in a JVM of its own on the test kit's recorded class path ({@link
 * DynamoDbLocalProcess#startIsolated()}): this JVM's class path carries the minicluster's Jetty 9,
 * and DynamoDB Local needs Jetty 12. The child boots while the cluster starts here.
 */
public final class HadoopWithDynamoDb implements AutoCloseable {
  private final MiniHadoop hadoop;
  private final DynamoDbLocalProcess dynamoDb;
  private final DynamoDbClient client;

  private HadoopWithDynamoDb(MiniHadoop hadoop, DynamoDbLocalProcess dynamoDb) {
    this.hadoop = hadoop;
    this.dynamoDb = dynamoDb;
    this.client = dynamoDb.newClient();
  }

  /**
   * Starts both.
   *
   * @param name the cluster's name, see {@link MiniHadoop#start}
   * @throws IllegalStateException if either does not start; the other is stopped
   */
  public static HadoopWithDynamoDb start(String name) {
    CompletableFuture<DynamoDbLocalProcess> dynamoDb =
        CompletableFuture.supplyAsync(DynamoDbLocalProcess::startIsolated);
    MiniHadoop hadoop;
    try {
      hadoop = MiniHadoop.start(name);
    } catch (RuntimeException e) {
      dynamoDb.thenAccept(DynamoDbLocalProcess::close);
      throw e;
    }
    DynamoDbLocalProcess process;
    try {
      process = dynamoDb.join();
    } catch (CompletionException e) {
      hadoop.close();
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    return new HadoopWithDynamoDb(hadoop, process);
  }

  /** The cluster. */
  public MiniHadoop hadoop() {
    return hadoop;
  }

  /** DynamoDB Local's endpoint, for the jobs' configuration. */
  public URI dynamoDbEndpoint() {
    return dynamoDb.endpoint();
  }

  /** A client of DynamoDB Local for the test itself; closed by {@link #close()}. */
  public DynamoDbClient client() {
    return client;
  }

  /** Stops DynamoDB Local, then the cluster. */
  @Override
  public void close() {
    try {
      client.close();
      dynamoDb.close();
    } finally {
      hadoop.close();
    }
  }
}
