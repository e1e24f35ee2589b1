package io.ddbio.mapreduce;

import io.ddbio.dynamodb.DynamoDBSession;
import io.ddbio.write.TableWriter;
import java.io.Closeable;
import java.io.IOException;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * Hands items to a {@link TableWriter}. {@link #close} flushes the last batch: a task succeeds only
 * once DynamoDB has accepted every item it was given.
 */
final class DynamoDBRecordWriter<K> extends RecordWriter<K, DynamoDBItemWritable> {
  private final DynamoDBSession session;
  private final TableWriter writer;
  private final Closeable sharing;

  DynamoDBRecordWriter(DynamoDBSession session, TableWriter writer, Closeable sharing) {
    this.session = session;
    this.writer = writer;
    this.sharing = sharing;
  }

  @Override
  public void write(K key, DynamoDBItemWritable value) throws IOException {
    if (value.isDelete()) {
      writer.delete(value.get());
    } else {
      writer.put(value.get(), value.knownSize());
    }
  }

  @Override
  public void close(TaskAttemptContext context) throws IOException {
    try {
      writer.close();
    } finally {
      try {
        sharing.close();
      } finally {
        session.close();
      }
    }
  }
}
