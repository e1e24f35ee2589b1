package io.ddbio.export.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.testkit.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify} on a native export shaped exactly as DynamoDB writes one (FORMATS.md, two public
 * exports of 2020 and 2024): the user's prefix in every key, data files uploaded in parts (an ETag
 * {@code <hex>-<parts>}, which is no MD5 of the file), an empty gzip for a partition without items
 * listed with {@code itemCount: 0}, and beside each manifest its checksum file ({@code .md5} in
 * 2020, {@code .checksum} today) holding the base64 MD5 of the manifest's bytes.
 */
class TestVerifyDynamoDbWrittenExport {
  private static final String ID = "01604475014567-9f2c01b5";
  private static final String PREFIX = "demo_prefix";
  private static final String BASE = PREFIX + "/AWSDynamoDB/" + ID + "/";

  @TempDir Path tmp;

  /** One data file as the export wrote it. */
  private record DataFile(String name, byte[] bytes, long items) {}

  private static byte[] md5(byte[] bytes) throws Exception {
    return MessageDigest.getInstance("MD5").digest(bytes);
  }

  private static String base64Md5(byte[] bytes) throws Exception {
    return Base64.getEncoder().encodeToString(md5(bytes));
  }

  /** An S3 multipart ETag: the MD5 of the parts' MD5s, then the part count. */
  private static String multipartEtag(byte[] bytes, int parts) throws Exception {
    int size = (bytes.length + parts - 1) / parts;
    java.io.ByteArrayOutputStream digests = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < parts; i++) {
      int from = Math.min(bytes.length, i * size);
      int to = Math.min(bytes.length, from + size);
      digests.write(md5(java.util.Arrays.copyOfRange(bytes, from, to)));
    }
    return HexFormat.of().formatHex(md5(digests.toByteArray())) + "-" + parts;
  }

  private static byte[] emptyGzip() throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      // A partition with no items still gets its file.
    }
    return out.toByteArray();
  }

  /**
   * Writes the export below {@code <tmp>/<PREFIX>/AWSDynamoDB/<ID>/}.
   *
   * @param checksumSuffix {@code .md5} (exports of 2020) or {@code .checksum} (today's)
   * @return the export's own directory
   */
  private Path writeExport(String checksumSuffix) throws Exception {
    Path fixtureData =
        Fixtures.root().resolve("native-ddb-json/AWSDynamoDB/01700000000000-a1b2c3d4/data");
    List<DataFile> files =
        List.of(
            new DataFile(
                "2wqa2g4rai7lxd5wxhbd2x5hcm.json.gz",
                Files.readAllBytes(fixtureData.resolve("qqqqqqqqqqqqqqqqqqqqEXAMPLE0.json.gz")),
                20),
            new DataFile("o32dxxxsmuzkhacumta3p4qtpy.json.gz", emptyGzip(), 0),
            new DataFile(
                "x24s4lbil47rdhma34ilkmrmba.json.gz",
                Files.readAllBytes(fixtureData.resolve("qqqqqqqqqqqqqqqqqqqqEXAMPLE1.json.gz")),
                20));
    Path dir = tmp.resolve(BASE);
    Files.createDirectories(dir.resolve("data"));
    Files.write(dir.resolve("_started"), new byte[0]);
    StringBuilder list = new StringBuilder();
    for (DataFile f : files) {
      Files.write(dir.resolve("data").resolve(f.name()), f.bytes());
      list.append("{\"itemCount\":")
          .append(f.items())
          .append(",\"md5Checksum\":\"")
          .append(base64Md5(f.bytes()))
          .append("\",\"etag\":\"")
          .append(multipartEtag(f.bytes(), f.items() == 0 ? 1 : 2))
          .append("\",\"dataFileS3Key\":\"")
          .append(BASE)
          .append("data/")
          .append(f.name())
          .append("\"}\n");
    }
    byte[] manifestFiles = list.toString().getBytes(StandardCharsets.UTF_8);
    byte[] summary =
        ("{\"version\":\"2020-06-30\",\"exportArn\":\"arn:aws:dynamodb:us-east-1:123456789012:"
                + "table/demo/export/"
                + ID
                + "\",\"startTime\":\"2020-11-04T07:28:34.028Z\",\"endTime\":"
                + "\"2020-11-04T07:33:43.897Z\",\"tableArn\":\"arn:aws:dynamodb:us-east-1:"
                + "123456789012:table/demo\",\"tableId\":\"12345a12-abcd-123a-ab12-1234abc12345\","
                + "\"exportTime\":\"2020-11-04T07:28:34.028Z\",\"s3Bucket\":\"demo-bucket\","
                + "\"s3Prefix\":\""
                + PREFIX
                + "\",\"s3SseAlgorithm\":\"AES256\",\"s3SseKmsKeyId\":null,"
                + "\"manifestFilesS3Key\":\""
                + BASE
                + "manifest-files.json\",\"billedSizeBytes\":2048,\"itemCount\":40,"
                + "\"outputFormat\":\"DYNAMODB_JSON\"}")
            .getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve("manifest-files.json"), manifestFiles);
    Files.write(dir.resolve("manifest-summary.json"), summary);
    Files.writeString(dir.resolve("manifest-files" + checksumSuffix), base64Md5(manifestFiles));
    Files.writeString(dir.resolve("manifest-summary" + checksumSuffix), base64Md5(summary));
    return dir;
  }

  private static VerifyRun verify(Path dir) throws Exception {
    return VerifyRun.run(new Configuration(), List.of(dir.toString()));
  }

  @Test
  void anExportOf2020WithMultipartEtagsAndMd5FilesIsVerified() throws Exception {
    Path exportDir = writeExport(".md5");

    for (Path dir : List.of(exportDir, tmp.resolve(PREFIX))) {
      VerifyRun run = verify(dir);

      assertReport(
          run,
          0,
          "3 of 3 data files are as recorded",
          "etag",
          "multipart",
          "manifest-files.md5 matches manifest-files.json",
          "manifest-summary.md5 matches manifest-summary.json");
    }
  }

  @Test
  void anExportOfTodayWithChecksumFilesIsVerified() throws Exception {
    Path exportDir = writeExport(".checksum");

    VerifyRun run = verify(exportDir);

    assertReport(run, 0, "manifest-files.checksum matches manifest-files.json");
  }

  @Test
  void aDataFileThatDiffersFromItsMd5ChecksumIsStillNamed() throws Exception {
    Path exportDir = writeExport(".md5");
    Path data = exportDir.resolve("data/2wqa2g4rai7lxd5wxhbd2x5hcm.json.gz");
    byte[] bytes = Files.readAllBytes(data);
    bytes[4] ^= 1; // the header's time, which gunzip ignores: the same lines, another MD5
    Files.write(data, bytes);

    VerifyRun run = verify(exportDir);

    assertReport(run, 1, "2wqa2g4rai7lxd5wxhbd2x5hcm.json.gz: ", "where manifest-files.json has");
  }

  @Test
  void aManifestThatDiffersFromItsChecksumFileIsAProblem() throws Exception {
    Path exportDir = writeExport(".md5");
    Path summary = exportDir.resolve("manifest-summary.json");
    Files.writeString(
        summary,
        Files.readString(summary).replace("\"billedSizeBytes\":2048", "\"billedSizeBytes\":2049"));

    VerifyRun run = verify(exportDir);

    assertReport(run, 1, "manifest-summary.json has MD5 ", "manifest-summary.md5");
  }

  @Test
  void aChecksumFileThatHoldsNoMd5IsANoteNotAProblem() throws Exception {
    Path exportDir = writeExport(".checksum");
    Files.writeString(exportDir.resolve("manifest-files.checksum"), "crc32c:AAAAAA==");

    VerifyRun run = verify(exportDir);

    assertReport(run, 0, "manifest-files.checksum", "not checked");
  }

  @Test
  void aSinglePartEtagThatIsNotTheMd5IsNoProblem() throws Exception {
    // An object encrypted with SSE-KMS has a single-part ETag that is not its MD5.
    Path exportDir = writeExport(".md5");
    Path list = exportDir.resolve("manifest-files.json");
    List<String> lines = new ArrayList<>(Files.readAllLines(list));
    lines.set(
        0,
        lines.get(0).replaceAll("\"etag\":\"[0-9a-f]+-2\"", "\"etag\":\"" + "0".repeat(32) + "\""));
    Files.write(list, lines);
    Files.writeString(exportDir.resolve("manifest-files.md5"), base64Md5(Files.readAllBytes(list)));

    VerifyRun run = verify(exportDir);

    assertEquals(0, run.status(), run::all);
    assertFalse(run.stdout().contains("etag is"), run::all);
  }

  /** Asserts the exit status and that the report says each of {@code said}. */
  private static void assertReport(VerifyRun run, int status, String... said) {
    assertEquals(status, run.status(), run::all);
    for (String s : said) {
      assertTrue(run.stdout().contains(s), run::all);
    }
  }
}
