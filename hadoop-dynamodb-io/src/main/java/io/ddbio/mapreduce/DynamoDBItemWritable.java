package io.ddbio.mapreduce;

import io.ddbio.item.DataPipelineCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One DynamoDB item as a Hadoop value, or the key of an item to delete (incremental imports).
 * Serialised in the Data Pipeline line form (length-prefixed), so what crosses a shuffle or a
 * sequence file is exactly what an export file holds.
 */
public final class DynamoDBItemWritable implements Writable {
  private static final DataPipelineCodec CODEC = new DataPipelineCodec();

  private Map<String, AttributeValue> item;
  private boolean delete;
  private long size = -1;

  public DynamoDBItemWritable() {
    this(Map.of());
  }

  public DynamoDBItemWritable(Map<String, AttributeValue> item) {
    this.item = item;
  }

  /** The item; the map is the caller's to read, not to keep past the next record. */
  public Map<String, AttributeValue> get() {
    return item;
  }

  /** Makes this a put of {@code item}. */
  public void set(Map<String, AttributeValue> item) {
    set(item, -1);
  }

  /**
   * Makes this a put of {@code item} whose size is already known, so that the writer does not
   * measure it again (it is a walk over the whole item).
   *
   * @param size {@code io.ddbio.item.ItemSize.of(item)}, or -1 when not known
   */
  public void set(Map<String, AttributeValue> item, long size) {
    this.item = item;
    this.delete = false;
    this.size = size;
  }

  /** The size given with {@link #set(Map, long)}, or -1 when not known. */
  public long knownSize() {
    return size;
  }

  /** Makes this a delete of the item with {@code key} (other attributes are ignored). */
  public void setDelete(Map<String, AttributeValue> key) {
    this.item = key;
    this.delete = true;
    this.size = -1;
  }

  /** Whether this is a delete rather than a put. */
  public boolean isDelete() {
    return delete;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    byte[] bytes = CODEC.encode(item);
    out.writeBoolean(delete);
    WritableUtils.writeVInt(out, bytes.length);
    out.write(bytes);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    delete = in.readBoolean();
    size = -1;
    int length = WritableUtils.readVInt(in);
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    item = CODEC.decode(bytes, 0, length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DynamoDBItemWritable other
        && delete == other.delete
        && item.equals(other.item);
  }

  @Override
  public int hashCode() {
    return item.hashCode() * 31 + Boolean.hashCode(delete);
  }

  @Override
  public String toString() {
    return (delete ? "delete " : "") + item;
  }
}
