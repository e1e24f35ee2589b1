package io.ddbio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.item.DataPipelineCodec;
import io.ddbio.testkit.DynamoDbLocalProcess;
import io.ddbio.testkit.PkSkTables;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.items.ItemEquivalence;
import io.ddbio.testkit.items.RandomItems;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The cluster jar as {@code hadoop jar} runs it: through Hadoop's {@code RunJar}, in a JVM whose
 * class path is a cluster's (the shaded Hadoop client) plus an older AWS SDK (2.20) ahead of it.
 * The job must use its own relocated SDK and export exactly the table.
 */
class ITRunJar {
  private static final String TABLE = "RunJarSource";

  @Test
  void clusterJarBundlesARelocatedSdkAndSetsItsMainClass() throws Exception {
    try (JarFile jar = new JarFile(jobJar().toFile())) {
      assertEquals(
          "io.ddbio.export.ExportTool",
          jar.getManifest().getMainAttributes().getValue("Main-Class"));
      List<String> unrelocated = new ArrayList<>();
      boolean relocatedClient = false;
      for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if (name.startsWith("software/amazon/")
            || name.startsWith("com/fasterxml/jackson/")
            || name.startsWith("com/google/common/")
            || name.startsWith("org/apache/http/")
            || name.startsWith("org/apache/hadoop/")) {
          unrelocated.add(name);
        }
        relocatedClient |=
            name.equals(
                "io/ddbio/shaded/software/amazon/awssdk/services/dynamodb/DynamoDbClient.class");
      }
      assertEquals(List.of(), unrelocated.stream().limit(5).toList(), "classes not relocated");
      assertTrue(relocatedClient, "the DynamoDB client is bundled, relocated");
    }
  }

  @Test
  void hadoopRunJarExportsTheTableBesideAnotherSdk(@TempDir Path tmp) throws Exception {
    RandomItems generator =
        RandomItems.builder()
            .seed(44)
            .hashKey("pk", ScalarAttributeType.S)
            .rangeKey("sk", ScalarAttributeType.N)
            .build();
    List<Map<String, AttributeValue>> items = generator.items(400);
    try (DynamoDbLocalProcess ddb = DynamoDbLocalProcess.start();
        DynamoDbClient client = ddb.newClient()) {
      PkSkTables.create(client, TABLE);
      Tables.putAll(client, TABLE, items);

      Path out = tmp.resolve("export");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of(System.getProperty("ddbio.test.opens", "").split(" ")));
      command.removeIf(String::isBlank);
      command.addAll(
          List.of(
              "--add-opens=java.base/java.lang=ALL-UNNAMED",
              "--add-opens=java.base/java.util=ALL-UNNAMED",
              "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
              "--add-opens=java.base/java.io=ALL-UNNAMED",
              "--add-opens=java.base/java.net=ALL-UNNAMED",
              "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
              "-Djava.io.tmpdir=" + tmp,
              "-cp",
              clusterClassPath(),
              "org.apache.hadoop.util.RunJar",
              jobJar().toString(),
              "-D",
              "hadoop.tmp.dir=" + tmp.resolve("hadoop"),
              "-D",
              "mapreduce.client.completion.pollinterval=100",
              out.toString(),
              TABLE,
              "1.0",
              "--endpoint",
              ddb.endpoint().toString()));
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(tmp.resolve("runjar.log").toFile())
              .start();
      assertTrue(p.waitFor(5, TimeUnit.MINUTES), "RunJar did not finish");
      String log = Files.readString(tmp.resolve("runjar.log"));
      assertEquals(0, p.exitValue(), "RunJar failed:\n" + tail(log));

      ItemEquivalence.assertSameItems(items, readExport(out), generator.keyAttributes());
    }
  }

  private static Path jobJar() {
    Path jar = Path.of(System.getProperty("ddbio.job.jar"));
    assertTrue(Files.isRegularFile(jar), "build the cluster jar first (mvn package): " + jar);
    return jar;
  }

  /** The older SDK first, as a cluster's own jars would come before the job's. */
  private static String clusterClassPath() throws Exception {
    Path dir = Path.of(System.getProperty("ddbio.runjar.classpath"));
    try (Stream<Path> jars = Files.list(dir)) {
      return jars.sorted(
              Comparator.comparing((Path j) -> !j.getFileName().toString().contains("2.20."))
                  .thenComparing(Path::toString))
          .map(Path::toString)
          .collect(Collectors.joining(File.pathSeparator));
    }
  }

  private static List<Map<String, AttributeValue>> readExport(Path out) throws Exception {
    DataPipelineCodec codec = new DataPipelineCodec();
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    try (Stream<Path> files = Files.list(out)) {
      for (Path f :
          files.filter(f -> f.getFileName().toString().matches("[0-9a-f-]+_\\d{6}")).toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          items.add(codec.decode(line));
        }
      }
    }
    return items;
  }

  private static String tail(String log) {
    return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
  }
}
