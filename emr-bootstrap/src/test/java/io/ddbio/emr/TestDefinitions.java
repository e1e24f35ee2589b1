package io.ddbio.emr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ddbio.export.ExportArguments;
import io.ddbio.importer.ImportArguments;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every definition parses, and every step's arguments are accepted by the jobs' own parsers. */
class TestDefinitions {

  @Test
  void everyJsonFileParses() throws IOException {
    List<Path> files = Definitions.files(".json");
    assertTrue(files.size() >= 6, "definitions found: " + files);
    for (Path f : files) {
      assertFalse(
          Definitions.read(Definitions.ROOT.relativize(f).toString()).isMissingNode(),
          f.toString());
    }
  }

  @Test
  void emrExportStepIsAcceptedByTheExportJob() throws IOException {
    JsonNode step = Definitions.read("emr/export-step.json").get(0);
    assertEquals("CUSTOM_JAR", step.get("Type").asText());
    assertTrue(step.get("Jar").asText().endsWith("-job.jar"), "the cluster jar, with Main-Class");
    ExportArguments a = ExportArguments.parse(args(step.get("Args")));
    assertEquals("MyTable", a.table());
    assertEquals(0.25, a.readRatio().getAsDouble());
    assertEquals("us-east-1", a.region().orElseThrow());
  }

  @Test
  void emrImportStepIsAcceptedByTheImportJob() throws IOException {
    JsonNode step = Definitions.read("emr/import-step.json").get(0);
    assertTrue(step.get("Jar").asText().endsWith("-job.jar"));
    ImportArguments a = ImportArguments.parse(args(step.get("Args")));
    assertEquals("MyTableRestored", a.table());
    assertEquals(0.25, a.writeRatio().getAsDouble());
  }

  @Test
  void dataPipelineExportActivityRunsTheExportJobWithTheTemplatesParameters() throws IOException {
    JsonNode pipeline = Definitions.read("datapipeline/export-pipeline.json");
    JsonNode activity = Definitions.object(pipeline, "TableBackupActivity");
    assertEquals("EmrActivity", activity.get("type").asText());
    ExportArguments a =
        ExportArguments.parse(stepArguments(pipeline, activity, "/export-job-0.1.0-job.jar"));
    assertEquals("MyTable", a.table());
    assertEquals("s3://my-bucket/exports/MyTable/2026-01-01-00-00-00", a.outputDir());
    assertEquals(0.25, a.readRatio().getAsDouble());
    for (String p :
        List.of("myDDBTableName", "myOutputS3Loc", "myDDBReadThroughputRatio", "myDDBRegion")) {
      assertTrue(hasParameter(pipeline, p), "parameter " + p + " of the original template");
    }
  }

  @Test
  void dataPipelineImportActivityRunsTheImportJobWithTheTemplatesParameters() throws IOException {
    JsonNode pipeline = Definitions.read("datapipeline/import-pipeline.json");
    JsonNode activity = Definitions.object(pipeline, "TableLoadActivity");
    ImportArguments a =
        ImportArguments.parse(stepArguments(pipeline, activity, "/import-job-0.1.0-job.jar"));
    assertEquals("MyTableRestored", a.table());
    assertEquals("s3://my-bucket/exports/MyTable/2026-01-01-00-00-00", a.inputDir());
    assertEquals(0.25, a.writeRatio().getAsDouble());
    assertTrue(hasParameter(pipeline, "myDDBWriteThroughputRatio"));
    assertEquals(
        "S3PrefixNotEmpty",
        Definitions.object(pipeline, "S3PrefixNotEmpty").get("type").asText(),
        "the import waits for data, as the original template did");
  }

  @Test
  void stepLinesOfTheOriginalTemplatesWorkWithOnlyTheJarSwapped() {
    // The original export step: jar, the predecessor's class, then the arguments.
    String[] original = {
      "org.apache.hadoop.dynamodb.tools.DynamoDbExport", "s3://b/out", "MyTable", "0.25"
    };
    assertEquals("MyTable", ExportArguments.parse(original).table());
    String[] originalImport = {
      "org.apache.hadoop.dynamodb.tools.DynamoDbImport", "s3://b/in", "MyTable", "0.25"
    };
    assertEquals("MyTable", ImportArguments.parse(originalImport).table());
  }

  @Test
  void iamPolicyAllowsOnlyWhatTheJobsCall() throws IOException {
    JsonNode policy = Definitions.read("iam/ddbio-policy.json");
    List<String> actions = new ArrayList<>();
    for (JsonNode s : policy.get("Statement")) {
      JsonNode a = s.get("Action");
      if (a.isArray()) {
        a.forEach(x -> actions.add(x.asText()));
      } else {
        actions.add(a.asText());
      }
      assertFalse(s.get("Resource").asText().equals("*"), "no statement on every resource");
    }
    assertTrue(
        actions.containsAll(
            List.of(
                "dynamodb:Scan",
                "dynamodb:BatchWriteItem",
                "dynamodb:DescribeTable",
                // The export records the time to live and tags; --skip-expired reads the former.
                "dynamodb:DescribeTimeToLive",
                "dynamodb:ListTagsOfResource")));
    assertFalse(
        actions.stream().anyMatch(a -> a.endsWith(":*")), "no wildcard actions: " + actions);
  }

  /** The arguments of the activity's step, after checking that the step runs the given jar. */
  private static String[] stepArguments(JsonNode pipeline, JsonNode activity, String jarSuffix) {
    List<String> step = stepParts(pipeline, activity);
    assertTrue(step.get(0).endsWith(jarSuffix), step.get(0));
    return step.subList(1, step.size()).toArray(String[]::new);
  }

  private static List<String> stepParts(JsonNode pipeline, JsonNode activity) {
    String step = Definitions.evaluate(pipeline, activity, activity.get("step").asText());
    return Arrays.asList(step.split(","));
  }

  private static boolean hasParameter(JsonNode pipeline, String id) {
    for (JsonNode p : pipeline.get("parameters")) {
      if (p.get("id").asText().equals(id)) {
        return true;
      }
    }
    return false;
  }

  private static String[] args(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out.toArray(String[]::new);
  }
}
