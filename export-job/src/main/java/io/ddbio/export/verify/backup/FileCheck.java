package io.ddbio.export.verify.backup;

import io.ddbio.backup.DataFileStats;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Compares what reading a data file found with what its backup recorded. */
public final class FileCheck {
  private FileCheck() {}

  /**
   * @return every disagreement, empty when the file is as recorded
   */
  static List<String> differences(ExpectedFile expected, DataFileReader.Facts found) {
    List<String> d = new ArrayList<>();
    if (expected.stats().isPresent()) {
      DataFileStats s = expected.stats().get();
      if (s.bytes() != found.bytes()) {
        d.add(count(found.bytes()) + " bytes where " + count(s.bytes()) + " were recorded");
      }
      if (s.sha256() != null && !s.sha256().isEmpty() && !s.sha256().equals(found.sha256Hex())) {
        d.add("SHA-256 " + found.sha256Hex() + " where " + s.sha256() + " was recorded");
      }
    }
    if (expected.md5Base64().isPresent()) {
      String md5 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(found.md5Hex()));
      if (!expected.md5Base64().get().equals(md5)) {
        d.add("MD5 " + md5 + " where manifest-files.json has " + expected.md5Base64().get());
      }
    }
    // No ETag is compared: a multipart upload's (every data file DynamoDB writes) is not the
    // file's MD5, and neither is any ETag of an object encrypted with SSE-KMS or SSE-C, which the
    // manifest cannot tell apart. The manifest's md5Checksum, always there, is what checks the
    // file.
    if (expected.items().isPresent() && expected.items().getAsLong() != found.lines()) {
      d.add(
          count(found.lines())
              + " lines where "
              + count(expected.items().getAsLong())
              + " items were recorded");
    }
    if (found.unterminated()) {
      d.add("its last line has no newline (a cut-off file?)");
    }
    return d;
  }

  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
