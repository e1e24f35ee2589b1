package io.ddbio.write;

import io.ddbio.item.ItemSize;
import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes items to one table in batches, in the order given: a put replaces an item with the same
 * key (as Data Pipeline's import did) and a later write of a key always lands after an earlier one.
 *
 * <p>Memory is one batch. Not thread-safe: one writer belongs to one task.
 */
public final class TableWriter implements Closeable {
  /** DynamoDB's item size limit. */
  public static final long MAX_ITEM_BYTES = ItemSize.MAX_ITEM_BYTES;

  private static final double BYTES_PER_WRITE_UNIT = 1024;

  private final BatchSender sender;
  private final ItemKeys keys;
  private final String table;
  private final WriteBatch batch = new WriteBatch();

  public TableWriter(BatchSender sender, ItemKeys keys, String table) {
    this.sender = sender;
    this.keys = keys;
    this.table = table;
  }

  /**
   * Queues a put, sending the current batch first when it is full, too large, or already holds the
   * item's key.
   *
   * @throws InvalidItemException when the item lacks its key or exceeds 400 KB (nothing is sent)
   */
  public void put(Map<String, AttributeValue> item) throws IOException {
    put(item, -1);
  }

  /**
   * Queues a put of {@code item} whose size the caller has measured already, as {@link #put(Map)}
   * does otherwise.
   *
   * @param size {@link ItemSize#of}{@code (item)}, or -1 to have it measured here
   */
  public void put(Map<String, AttributeValue> item, long size) throws IOException {
    Map<String, AttributeValue> key = keys.keyOf(item);
    if (size < 0) {
      size = ItemSize.of(item);
    }
    if (size > MAX_ITEM_BYTES) {
      throw new InvalidItemException(
          "Item "
              + keys.describe(item)
              + " is "
              + size
              + " bytes, over DynamoDB's limit of "
              + MAX_ITEM_BYTES
              + " bytes for table \""
              + table
              + "\"");
    }
    add(
        WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build(),
        key,
        size,
        Math.ceil(size / BYTES_PER_WRITE_UNIT));
  }

  /** Queues a delete of the item with this key (other attributes are ignored). */
  public void delete(Map<String, AttributeValue> itemOrKey) throws IOException {
    Map<String, AttributeValue> key = keys.keyOf(itemOrKey);
    add(
        WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build(),
        key,
        ItemSize.of(key),
        1);
  }

  private void add(WriteRequest request, Map<String, AttributeValue> key, long size, double units)
      throws IOException {
    if (!batch.fits(key, size)) {
      flush();
    }
    batch.add(request, key, size, units);
    if (batch.isFull()) {
      flush();
    }
  }

  /** Sends whatever is queued and returns once DynamoDB has accepted all of it. */
  public void flush() throws IOException {
    if (!batch.isEmpty()) {
      double units = batch.estimatedUnits();
      sender.send(batch.drain(), units);
    }
  }

  /** Flushes. The client is the caller's to close. */
  @Override
  public void close() throws IOException {
    flush();
  }
}
