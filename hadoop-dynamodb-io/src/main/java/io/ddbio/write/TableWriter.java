package io.ddbio.write;

import io.ddbio.capacity.CapacityCost;
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
   * item's key (or one equal to it as numbers: {@code 1} and {@code 1.0}).
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
      throw new InvalidItemException(ItemSize.overLimitMessage(keys.describe(item), size, table));
    }
    add(
        WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build(),
        key,
        size,
        CapacityCost.putUnits(size));
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
    // DynamoDB refuses a batch holding one key twice, and compares numbers by value: 1 and 1.0
    // are one key. Such a pair is treated as the same key written twice, not as a bad record: the
    // batch so far is sent first and the later line wins, as it does when the two are in
    // different batches, so a restore's outcome does not depend on where batches are cut.
    Map<String, AttributeValue> identity = ItemKeys.identity(key);
    if (!batch.fits(identity, size)) {
      flush();
    }
    batch.add(request, identity, size, units);
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
