package io.ddbio.export.verify.backup;

import io.ddbio.export.verify.VerifyReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Checks a native export's manifest against the checksum file DynamoDB writes beside it: {@code
 * <name>.md5} in exports of 2020, {@code <name>.checksum} in today's. The {@code .md5} files of
 * real exports are 24 bytes, a base64 MD5 of the manifest's bytes; the content of {@code .checksum}
 * files is not published, so a file is compared only when it holds an MD5 (base64 or hex) and is
 * otherwise named as not checked, never as a problem.
 */
final class ManifestChecksums {
  /** Suffixes of the checksum files, in the order DynamoDB has used them. */
  static final List<String> SUFFIXES = List.of(".md5", ".checksum");

  private static final Pattern HEX_MD5 = Pattern.compile("[0-9a-fA-F]{32}");
  private static final Pattern BASE64_MD5 = Pattern.compile("[A-Za-z0-9+/]{22}==");

  private ManifestChecksums() {}

  /**
   * Compares {@code bytes}, the content of {@code manifest}, with each checksum file beside it.
   * Writes nothing to the report when there is none (exports written by ddbio have none).
   */
  static void check(FileSystem fs, Path manifest, byte[] bytes, VerifyReport report)
      throws IOException {
    String md5 = Base64.getEncoder().encodeToString(md5(bytes));
    for (String suffix : SUFFIXES) {
      Path file = new Path(manifest.getParent(), stem(manifest.getName()) + suffix);
      if (!fs.exists(file)) {
        continue;
      }
      String held;
      try (InputStream in = fs.open(file)) {
        held = new String(in.readNBytes(1024), StandardCharsets.UTF_8).strip();
      }
      Optional<String> recorded = asBase64Md5(held);
      if (recorded.isEmpty()) {
        report.note(
            file.getName()
                + " not checked: it holds no MD5 (\""
                + abbreviate(held)
                + "\"), and no other content of it is published");
      } else if (recorded.get().equals(md5)) {
        report.ok(file.getName() + " matches " + manifest.getName());
      } else {
        report.problem(
            manifest.getName()
                + " has MD5 "
                + md5
                + " where "
                + file.getName()
                + " holds "
                + recorded.get()
                + ": the manifest is not the one the export wrote");
      }
    }
  }

  /** {@code manifest-files.json} → {@code manifest-files}. */
  private static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  /** An MD5 given in base64 or hex, as base64; empty when {@code held} is neither. */
  private static Optional<String> asBase64Md5(String held) {
    if (BASE64_MD5.matcher(held).matches()) {
      return Optional.of(held);
    }
    if (HEX_MD5.matcher(held).matches()) {
      return Optional.of(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(held)));
    }
    return Optional.empty();
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }

  private static byte[] md5(byte[] bytes) {
    try {
      return MessageDigest.getInstance("MD5").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has MD5", e);
    }
  }
}
