package io.ddbio.importer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/** A native export's split carries the file's checks to the task. */
class TestNativeFileSplit {

  @Test
  void survivesSerialization() throws IOException {
    NativeFileSplit split =
        new NativeFileSplit(
            new Path("s3a://b/AWSDynamoDB/id/data/x.json.gz"),
            1234,
            "ZC/N3dEeA16D2RvKOW3P+g==",
            20);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    split.write(new DataOutputStream(bytes));

    NativeFileSplit read = new NativeFileSplit();
    read.readFields(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

    assertEquals(split.getPath(), read.getPath());
    assertEquals(0, read.getStart());
    assertEquals(1234, read.getLength());
    assertEquals("ZC/N3dEeA16D2RvKOW3P+g==", read.md5Checksum());
    assertEquals(20, read.itemCount());
  }
}
