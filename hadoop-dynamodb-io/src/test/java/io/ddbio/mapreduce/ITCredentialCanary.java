package io.ddbio.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testing.LocalJobs;
import io.ddbio.testkit.DynamoDbLocalProcess;
import io.ddbio.testkit.PkSkTables;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.output.NullOutputFormat;
import org.apache.hadoop.security.alias.CredentialProvider;
import org.apache.hadoop.security.alias.CredentialProviderFactory;
import org.apache.log4j.Level;
import org.apache.log4j.LogManager;
import org.apache.log4j.Logger;
import org.apache.log4j.PatternLayout;
import org.apache.log4j.WriterAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Canary credentials, held in a Hadoop credential provider, reach DynamoDB but appear in no log
 * line (at DEBUG, everything logged), no file the job writes (job.xml included), and no error
 * message.
 */
class ITCredentialCanary {
  private static final String ACCESS = "AKIACANARY7XQ2LMN4PZ";
  private static final String SECRET = "canary/Secret+Key/Zr9QwXy1Tt8Uv5Hh2Jj6Kk3Ll0Mm";
  private static final String TABLE = "CanaryTable";

  // In its own JVM: the server logs request headers at DEBUG, and only the job's JVM is checked.
  private static DynamoDbLocalProcess ddb;

  @BeforeAll
  static void start() throws Exception {
    ddb = DynamoDbLocalProcess.start();
    try (DynamoDbClient client = ddb.newClient()) {
      PkSkTables.createAndFill(client, TABLE, 300, 3);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    ddb.close();
  }

  @Test
  void canaryCredentialsNeverLeak(@TempDir Path tmp) throws Exception {
    Configuration conf = LocalJobs.conf(tmp, 2);
    String provider = "jceks://file" + tmp.resolve("creds.jceks").toAbsolutePath();
    conf.set(CredentialProviderFactory.CREDENTIAL_PROVIDER_PATH, provider);
    storeSecrets(conf);
    DynamoDBJobs.setInputTable(conf, TABLE, 1.0);
    DynamoDBJobs.setEndpoint(conf, ddb.endpoint().toString(), "us-east-1");
    conf.setDouble("dynamodb.throughput.read", 10_000);

    StringWriter logs = new StringWriter();
    WriterAppender appender = new WriterAppender(new PatternLayout("%p %c %m%n"), logs);
    Logger root = LogManager.getRootLogger();
    Level before = root.getLevel();
    root.addAppender(appender);
    root.setLevel(Level.DEBUG);
    List<String> messages = new ArrayList<>();
    try {
      Job job = Job.getInstance(conf, "canary");
      job.setInputFormatClass(DynamoDBInputFormat.class);
      job.setNumReduceTasks(0);
      job.setOutputKeyClass(NullWritable.class);
      job.setOutputValueClass(DynamoDBItemWritable.class);
      job.setOutputFormatClass(NullOutputFormat.class);
      assertTrue(job.waitForCompletion(false));
      // What travels to every task as job.xml (LocalJobRunner deletes its copy at the end).
      try (var out = Files.newOutputStream(tmp.resolve("submitted-job.xml"))) {
        job.getConfiguration().writeXml(out);
      }
      assertEquals(300, job.getCounters().findCounter(DdbioCounter.ITEMS_READ).getValue());

      // A failure path too: its message must not carry the credentials either.
      Configuration missing = new Configuration(conf);
      DynamoDBJobs.setInputTable(missing, "NoSuchTable", 1.0);
      Job failing = Job.getInstance(missing, "canary-missing");
      failing.setInputFormatClass(DynamoDBInputFormat.class);
      failing.setOutputFormatClass(NullOutputFormat.class);
      IOException e = assertThrows(IOException.class, failing::submit);
      for (Throwable t = e; t != null; t = t.getCause()) {
        messages.add(String.valueOf(t));
      }
    } finally {
      root.removeAppender(appender);
      root.setLevel(before);
    }

    assertTrue(logs.toString().contains("DynamoDBInputFormat"), "logs were captured");
    assertFalse(
        logs.toString().contains(ACCESS), "access key in the logs: " + linesWith(logs, ACCESS));
    assertFalse(logs.toString().contains(SECRET), "secret key in the logs");
    assertFalse(String.join("\n", messages).contains(SECRET), "secret in an error message");
    assertFalse(String.join("\n", messages).contains(ACCESS), "access key in an error message");
    assertTrue(String.join("\n", messages).contains("NoSuchTable"));
    assertNoFileContains(tmp, ACCESS);
    assertNoFileContains(tmp, SECRET);
  }

  private static String linesWith(StringWriter logs, String canary) {
    return logs.toString()
        .lines()
        .filter(l -> l.contains(canary))
        .map(l -> l.length() > 300 ? l.substring(0, 300) : l)
        .limit(3)
        .toList()
        .toString();
  }

  private static void storeSecrets(Configuration conf) throws IOException {
    CredentialProvider p = CredentialProviderFactory.getProviders(conf).get(0);
    p.createCredentialEntry("dynamodb.awsAccessKeyId", ACCESS.toCharArray());
    p.createCredentialEntry("dynamodb.awsSecretAccessKey", SECRET.toCharArray());
    p.flush();
  }

  /** Every file the job left (staging job.xml, local job files), except the key store itself. */
  private static void assertNoFileContains(Path dir, String canary) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().endsWith(".jceks"))
              .toList();
    }
    assertTrue(
        files.stream().anyMatch(p -> p.getFileName().toString().endsWith(".xml")), "job.xml kept");
    for (Path f : files) {
      String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
      assertFalse(text.contains(canary), "canary found in " + f);
    }
  }
}
