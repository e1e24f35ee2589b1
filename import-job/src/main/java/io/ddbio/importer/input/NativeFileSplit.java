package io.ddbio.importer.input;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;

/**
 * One whole data file of a native export, carrying what {@code manifest-files.json} records of it,
 * so the task checks the file without reading the manifest again.
 */
public class NativeFileSplit extends FileSplit {
  private String md5Checksum;
  private long itemCount;

  /** For deserialization. */
  public NativeFileSplit() {}

  /**
   * A split of all of {@code file}.
   *
   * @param length the file's stored length
   * @param md5Checksum the manifest's base64 MD5 of the stored bytes
   * @param itemCount the manifest's item count
   */
  public NativeFileSplit(Path file, long length, String md5Checksum, long itemCount) {
    super(file, 0, length, new String[0]);
    this.md5Checksum = md5Checksum;
    this.itemCount = itemCount;
  }

  /** The base64 MD5 of the stored bytes, as the manifest records it. */
  public String md5Checksum() {
    return md5Checksum;
  }

  /** The items the manifest records for the file. */
  public long itemCount() {
    return itemCount;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    super.write(out);
    Text.writeString(out, md5Checksum);
    out.writeLong(itemCount);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    super.readFields(in);
    md5Checksum = Text.readString(in);
    itemCount = in.readLong();
  }
}
